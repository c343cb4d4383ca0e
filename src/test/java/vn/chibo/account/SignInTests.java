package vn.chibo.account;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SqlTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
