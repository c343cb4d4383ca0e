package vn.chibo.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Error pages read in the user's language, with the status as heading and a plain message, and never
 * show an exception's message, class or stack trace.
 */
@SqlTest
@AutoConfigureMockMvc
@Import(ErrorPagesTests.FailingController.class)
class ErrorPagesTests {

    /** A secret that the failing endpoint puts in its exception, which no page may show. */
    static final String SECRET = "connection to 10.0.0.7 refused for user chibo_secret";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn api;

    /** Fails as a bug would. It lives in the test sources only, so the application has no such endpoint. */
    @RestController
    static class FailingController {

        @GetMapping("/test-only/failure")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "404|vi|Không tìm thấy trang|Không tìm thấy trang này, hoặc đồng chí không có quyền xem.",
            "404|en|Page not found|This page does not exist, or you may not see it.",
            "404|de|Seite nicht gefunden|Diese Seite gibt es nicht, oder Sie dürfen sie nicht sehen.",
            "403|vi|Không có quyền truy cập|Đồng chí không có quyền làm việc này.",
            "403|en|Access denied|You are not allowed to do this.",
            "403|de|Zugriff verweigert|Das dürfen Sie nicht tun.",
            "400|vi|Yêu cầu không hợp lệ|Yêu cầu không hợp lệ.",
            "400|en|Invalid request|The request is not valid.",
            "400|de|Ungültige Anfrage|Die Anfrage ist ungültig.",
            "500|vi|Lỗi hệ thống|Đã có lỗi ngoài dự kiến (mã lỗi ",
            "500|en|System error|An unexpected error occurred (error id ",
            "500|de|Systemfehler|Ein unerwarteter Fehler ist aufgetreten (Fehlernummer " })
    void errorPageSpeaksUsersLanguage(int status, String language, String heading, String message) throws Exception {
        var commune = fixtures.commune();
        Actor member = fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Phạm Thị Ánh",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        MockHttpSession session = SignIn.as(mvc, member);
        long cell = commune.cell().id().value();

        MvcResult result = mvc.perform(switch (status) {
            case 404 -> get("/meetings/{id}", Long.MAX_VALUE).session(session).param("lang", language);
            case 403 -> get("/cells/{id}/members/accounts", cell).session(session).param("lang", language);
            case 400 -> post("/organizations/{id}/children", cell).session(session).with(csrf())
                    .param("lang", language).param("kind", "KHONG_CO");
            default -> get("/test-only/failure").session(session).param("lang", language);
        }).andReturn();

        String html = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(html).contains("<h1>" + heading + "</h1>");
        assertThat(html).contains("<html lang=\"" + language + "\"");
        assertThat(html).contains(message.replace("\"", "&quot;"));
        assertThat(html).doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("vn.chibo");
    }

    /** A number in the address that is not a number: the query names the parameter, the path finds nothing. */
    @Test
    void wrongTypeInQueryIsBadRequestAndInPathNotFound() throws Exception {
        var commune = fixtures.commune();
        Actor member = fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Hà Văn Bình",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        MockHttpSession session = SignIn.as(mvc, member);

        mvc.perform(get("/documents").param("organization", "abc").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "Giá trị của &quot;organization&quot; không hợp lệ.")));
        mvc.perform(get("/api/v1/documents/search").param("q", "nghị quyết").param("page", "abc")
                        .with(api.as(member)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("The value of \"page\" is not valid."));
        mvc.perform(get("/meetings/abc").session(session))
                .andExpect(status().isNotFound());
    }
}
