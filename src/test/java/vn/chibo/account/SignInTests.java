package vn.chibo.account;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.assertj.core.api.Assertions.assertThat;
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

    @Autowired
    LookupHashes hashes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordChange passwordChange;

    @Autowired
    SignedInSessions sessions;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessionStore;

    /** Returns a sign-in request from the given client address. */
    static MockHttpServletRequestBuilder signIn(String username, String password, String remoteAddress) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(remoteAddress);
                    return request;
                });
    }

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
    void signsInWithPhoneOrUsername() throws Exception {
        AccountId id = accounts.create("nguyenvanthu", "mat-khau-dai", "Nguyễn Văn Thử", null, false, List.of());
        accounts.updatePhone(id, "0912 345 678");

        mvc.perform(formLogin("/login").user("+84 912 345 678").password("mat-khau-dai"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("0912.345.678").password("mat-khau-dai"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("NguyenVanThu").password("mat-khau-dai"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void sharedPhoneNeedsUsername() throws Exception {
        AccountId husband = accounts.create("dangvanchong", "mat-khau-dai", "Đặng Văn Chồng", null, false,
                List.of());
        AccountId wife = accounts.create("lethivo", "mat-khau-vo-dai", "Lê Thị Vợ", null, false, List.of());
        accounts.updatePhone(husband, "0913000555");
        accounts.updatePhone(wife, "0913000555");

        mvc.perform(SignInTests.signIn("0913000555", "mat-khau-dai", "10.1.0.1"))
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(SignInTests.signIn("dangvanchong", "mat-khau-dai", "10.1.0.1"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void storesPhoneOnlyAsKeyedHash() {
        AccountId id = accounts.create("0914 222 333", "mat-khau-dai", "Hoàng Thị Thử", null, false, List.of());

        String lookup = jdbc.sql("select phone_lookup from account where id = :id").param("id", id.value())
                .query(String.class).single();

        assertThat(lookup).hasSize(64).doesNotContain("0914222333").isEqualTo(hashes.phone("0914222333"));
        assertThat(accounts.findForSignIn("+84914222333")).get().extracting(AccountRecord::id).isEqualTo(id);
    }

    @Test
    void hashesNewPasswordsWithArgon2() {
        AccountId id = accounts.create("0914000777", "mat-khau-dai", "Phan Văn Thử", null, false, List.of());

        assertThat(accounts.passwordHash(id)).startsWith("{argon2}$argon2id$");
    }

    @Test
    void upgradesBcryptHashAtSignIn() throws Exception {
        AccountId id = accounts.create("0914000888", "mat-khau-dai", "Bùi Văn Thử", null, false, List.of());
        jdbc.sql("update account set password_hash = :hash where id = :id")
                .param("hash", "{bcrypt}" + new BCryptPasswordEncoder().encode("mat-khau-dai"))
                .param("id", id.value())
                .update();
        MockHttpSession session = SignIn.as(mvc, "0914000888", "mat-khau-dai");

        assertThat(accounts.passwordHash(id)).startsWith("{argon2}$argon2id$");
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
        SignIn.as(mvc, "0914000888", "mat-khau-dai");
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

    /**
     * The window between a password change's commit and the save of its renewed session: a request
     * that the same session sent just before still carries the old password time. It must find the
     * session alive, while other sessions end, and a later reset by an administrator ends it too.
     */
    @Test
    void requestSentBeforeOwnPasswordChangeKeepsTheSession() throws Exception {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ thử", null);
        AccountId id = accounts.create("0912000666", "mat-khau-dai", "Phan Văn Thử", null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
        MockHttpSession computer = SignIn.as(mvc, "0912000666", "mat-khau-dai");
        String computerKey = onlyStoredSession(id).getAttribute(SignedInSessions.KEY);
        MockHttpSession phone = SignIn.as(mvc, "0912000666", "mat-khau-dai");
        var actor = new Actor(id, "0912000666", "Phan Văn Thử", null, Set.of(new Grant(cell.id(), Role.MEMBER)),
                false);

        passwordChange.change(actor, "mat-khau-dai", "mat-khau-moi-hon", "mat-khau-moi-hon",
                sessions.markOf(computerKey));

        mvc.perform(get("/").session(computer)).andExpect(status().isOk());
        mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login?error=passwordChanged"));
        assertThat(sessionStore.findByPrincipalName(SignedInSessions.principalName(id))).hasSize(1);

        accounts.updatePassword(id, "mat-khau-cap-lai", true, null);

        mvc.perform(get("/").session(computer)).andExpect(redirectedUrl("/login?error=passwordChanged"));
    }

    /** A session that signed in before sessions had keys gets one when it changes the password. */
    @Test
    void sessionWithoutKeyStillChangesPassword() throws Exception {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ thử", null);
        AccountId id = accounts.create("0912000777", "mat-khau-dai", "Đỗ Thị Thử", null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
        MockHttpSession computer = SignIn.as(mvc, "0912000777", "mat-khau-dai");
        var stored = onlyStoredSession(id);
        stored.removeAttribute(SignedInSessions.KEY);
        saveSession(stored);

        mvc.perform(post("/account/password").session(computer).with(csrf())
                        .param("currentPassword", "mat-khau-dai")
                        .param("newPassword", "mat-khau-moi-hon")
                        .param("confirmation", "mat-khau-moi-hon"))
                .andExpect(redirectedUrl("/"));

        String key = onlyStoredSession(id).getAttribute(SignedInSessions.KEY);
        assertThat(key).isNotBlank();
        assertThat(accounts.passwordChangedBy(id)).contains(sessions.markOf(key));
        mvc.perform(get("/").session(computer)).andExpect(status().isOk());
    }

    private Session onlyStoredSession(AccountId id) {
        Map<String, ? extends Session> stored = sessionStore.findByPrincipalName(SignedInSessions.principalName(id));
        assertThat(stored).hasSize(1);
        return stored.values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private void saveSession(Session session) {
        ((FindByIndexNameSessionRepository<Session>) sessionStore).save(session);
    }

    @Test
    void rejectsPasswordOver128Characters() throws Exception {
        accounts.create("0912000444", "mat-khau-dai", "Vũ Thị Thử", null, false, List.of());
        MockHttpSession session = SignIn.as(mvc, "0912000444", "mat-khau-dai");
        String tooLong = "Đảng viên ưu tú ".repeat(8) + "x";

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
