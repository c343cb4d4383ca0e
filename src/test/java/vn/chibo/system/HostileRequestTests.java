package vn.chibo.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Role;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Hostile requests that the fuzz test saw answered with 500: each now gets a 4xx status. */
@SqlTest
@AutoConfigureMockMvc
class HostileRequestTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn apiSignIn;

    @Test
    void unacceptableTypeAnswers406Problem() throws Exception {
        var commune = fixtures.commune();
        var actor = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        mvc.perform(get("/api/v1/me/notifications").accept(MediaType.APPLICATION_XML).with(apiSignIn.as(actor)))
                .andExpect(status().isNotAcceptable())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")));
    }

    @Test
    void unparsableAcceptHeaderAnswers406() throws Exception {
        var commune = fixtures.commune();
        var actor = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        mvc.perform(get("/api/v1/cells/{id}/resolutions", commune.cell().id().value()).header("Accept", "*/*;q=x")
                        .with(apiSignIn.as(actor)))
                .andExpect(status().isNotAcceptable());
    }

    @Test
    void controlCharacterInParameterNameAnswers400() throws Exception {
        var commune = fixtures.commune();
        MockHttpSession secretary = SignIn.as(mvc, fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY));

        mvc.perform(post("/cells/{id}/meetings", commune.cell().id().value()).session(secretary).with(csrf())
                        .param("title", "Họp chi bộ").param("x\u0007y", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Yêu cầu không hợp lệ.")));
    }
}
