package vn.chibo.account;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Test
    void signsInWithPhoneNumberTypedWithDots() throws Exception {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ thử", null);
        accounts.create("0912000111", "mat-khau-dai", "Nguyễn Văn Thử", null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));

        mvc.perform(formLogin("/login").user("0912.000.111").password("mat-khau-dai"))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void rejectsWrongPassword() throws Exception {
        accounts.create("0912000222", "mat-khau-dai", "Trần Thị Thử", null, false, List.of());

        mvc.perform(formLogin("/login").user("0912000222").password("sai"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void passwordChangeEndsOtherSessions() throws Exception {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ thử", null);
        accounts.create("0912000333", "mat-khau-dai", "Lê Văn Thử", null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
        MockHttpSession phone = SignIn.as(mvc, "0912000333", "mat-khau-dai");
        MockHttpSession computer = SignIn.as(mvc, "0912000333", "mat-khau-dai");

        mvc.perform(post("/account/password").session(computer).with(csrf())
                        .param("currentPassword", "mat-khau-dai")
                        .param("newPassword", "mat-khau-moi-hon")
                        .param("confirmation", "mat-khau-moi-hon"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/").session(computer)).andExpect(status().isOk());
        mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login?error=passwordChanged"));
    }

    @Test
    void rejectsPasswordOver72Bytes() throws Exception {
        accounts.create("0912000444", "mat-khau-dai", "Vũ Thị Thử", null, false, List.of());
        MockHttpSession session = SignIn.as(mvc, "0912000444", "mat-khau-dai");
        String tooLong = "Đảng viên ưu tú ".repeat(4);

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "mat-khau-dai")
                        .param("newPassword", tooLong)
                        .param("confirmation", tooLong))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mật khẩu mới quá dài")));
        SignIn.as(mvc, "0912000444", "mat-khau-dai");
    }

    @Test
    void sendsAnonymousPagesToSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
    }

    @Test
    void answersHtmxRequestWithoutSessionWith401() throws Exception {
        mvc.perform(get("/").header("HX-Request", "true")).andExpect(status().isUnauthorized());
    }

    @Test
    void sendsContentSecurityPolicy() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        SecurityConfiguration.CONTENT_SECURITY_POLICY));
    }
}
