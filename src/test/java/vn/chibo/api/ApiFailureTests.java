package vn.chibo.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.MemberRoster;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An unexpected failure behind the API returns a problem with an error id, not a stack trace. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiFailureTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn api;

    @MockitoBean
    MemberRoster roster;

    @Test
    void unexpectedFailureAnswers500Problem() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        when(roster.view(any(), any(), anyString())).thenThrow(new IllegalStateException("database gone"));

        mvc.perform(get("/api/v1/cells/{id}/members", commune.cell().id().value())
                        .header("Accept-Language", "en")
                        .with(api.as(secretary)))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Internal Server Error"))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern(
                        "An unexpected error occurred \\(error id [0-9a-f]{8}\\)\\. .*")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "database gone"))));
    }
}
