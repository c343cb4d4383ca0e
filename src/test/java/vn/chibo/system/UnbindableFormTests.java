package vn.chibo.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Role;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Form values that cannot be bound to the form's fields get a 400 page, never a 500. */
@SpringBootTest
@AutoConfigureMockMvc
class UnbindableFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void agendaIndexOutOfRangeAnswers400() throws Exception {
        var commune = fixtures.commune();
        MockHttpSession secretary = SignIn.as(mvc, fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY));

        for (String index : new String[] { "100000", "-1", "abc" }) {
            mvc.perform(post("/cells/{id}/meetings", commune.cell().id().value()).session(secretary).with(csrf())
                            .param("agenda[" + index + "].title", "Khai mạc"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Yêu cầu không hợp lệ.")));
        }
    }
}
