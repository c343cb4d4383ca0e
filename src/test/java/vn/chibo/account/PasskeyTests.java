package vn.chibo.account;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.system.InvalidInputException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Passkeys through the real security configuration and the database session store: registration and
 * deletion on the account page, and sign-in with Spring Security's WebAuthn filter. The tests also
 * check what must never work: another account's passkey, a deleted passkey, a request without CSRF
 * token or session.
 */
@SqlTest
@AutoConfigureMockMvc
class PasskeyTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** Where vn.chibo.testing.MockMvcSessionIds keeps the id of the database session in MockMvc's session. */
    private static final String STORED_SESSION_ID = "vn.chibo.testing.MockMvcSessionIds.id";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Passkeys passkeys;

    @Autowired
    AccountIssuing issuing;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loginPageHidesPasskeyButtonWithoutScript() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"passkey-sign-in\" class=\"secondary\" hidden")))
                .andExpect(content().string(containsString("<form action=\"/login\" method=\"post\">")))
                .andExpect(content().string(containsString("/js/passkeys")));
        mvc.perform(get("/login").param("error", "passkey"))
                .andExpect(content().string(containsString("Không đăng nhập được bằng khóa truy cập này.")));
    }

    @Test
    void registersAndListsPasskey() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        var authenticator = new TestAuthenticator();

        register(session, authenticator, "  Điện thoại của tôi  ")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.redirectUrl").value("/account/passkeys"));

        mvc.perform(get("/account/passkeys").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Điện thoại của tôi")))
                .andExpect(content().string(containsString("Đã thêm khóa truy cập «Điện thoại của tôi».")));
        List<Passkey> registered = passkeys.of(member);
        assertThat(registered).extracting(Passkey::id).containsExactly(authenticator.credentialId());
        assertThat(registered.getFirst().label()).isEqualTo("Điện thoại của tôi");
        assertThat(registered.getFirst().created()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(passkeys.countOf(member.accountId())).isEqualTo(1);
        assertThat(audit.entriesFor("account", member.accountId().value())).extracting(AuditEntry::action)
                .contains("account.passkeyRegistered");
    }

    @Test
    void signsInWithPasskey() throws Exception {
        Actor member = member();
        var authenticator = new TestAuthenticator();
        register(SignIn.as(mvc, member), authenticator, "Máy tính bảng").andExpect(status().isCreated());
        accounts.updateLanguage(member.accountId(), "de");

        var session = new MockHttpSession();
        String assertion = authenticator.assertion(requestOptions(session));
        Object anonymousSessionId = session.getAttribute(STORED_SESSION_ID);
        mvc.perform(remote(post("/login/webauthn"), "10.8.0.1").session(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(assertion))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authenticated").value(true))
                .andExpect(jsonPath("$.redirectUrl").value("/"));

        assertThat(session.getAttribute(STORED_SESSION_ID)).isNotNull().isNotEqualTo(anonymousSessionId);
        mvc.perform(get("/account/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(member.displayName())))
                .andExpect(content().string(containsString("Passwort ändern")));
        assertThat(audit.entriesFor("account", member.accountId().value())).extracting(AuditEntry::action)
                .contains("account.signedInWithPasskey");
        // Labelled for "sign out everywhere": the password session that registered, and this one.
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :name")
                .param("name", "account:" + member.accountId().value())
                .query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(passkeys.of(member).getFirst().lastUsed()).isAfterOrEqualTo(passkeys.of(member).getFirst().created());
    }

    @Test
    void passkeySignsInOnlyItsOwner() throws Exception {
        Actor first = member();
        Actor second = member();
        var firstKey = new TestAuthenticator();
        var secondKey = new TestAuthenticator();
        register(SignIn.as(mvc, first), firstKey, "Điện thoại").andExpect(status().isCreated());
        register(SignIn.as(mvc, second), secondKey, "Điện thoại").andExpect(status().isCreated());

        // The first account's passkey, sent with the second account's user handle, still signs in the first.
        var session = new MockHttpSession();
        String options = requestOptions(session);
        String assertion = firstKey.assertionWithUserHandleOf(secondKey, options);
        mvc.perform(post("/login/webauthn").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(assertion))
                .andExpect(status().isOk());
        mvc.perform(get("/account/password").session(session))
                .andExpect(content().string(containsString(first.displayName())))
                .andExpect(content().string(not(containsString(second.displayName()))));

        // The second account's key cannot sign for the first account's passkey.
        var forged = new MockHttpSession();
        String forgedAssertion = secondKey.forgedAssertionOf(firstKey, requestOptions(forged));
        mvc.perform(post("/login/webauthn").session(forged).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(forgedAssertion))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.redirectUrl").value("/login?error=passkey"));
        mvc.perform(get("/account/password").session(forged)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void rejectsAssertionFromOtherOrigin() throws Exception {
        Actor member = member();
        var authenticator = new TestAuthenticator();
        register(SignIn.as(mvc, member), authenticator, "Điện thoại").andExpect(status().isCreated());

        var session = new MockHttpSession();
        mvc.perform(post("/login/webauthn").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.assertion(requestOptions(session), "https://gia-mao.example")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.redirectUrl").value("/login?error=passkey"));
    }

    @Test
    void deletedPasskeyNoLongerSignsIn() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        var authenticator = new TestAuthenticator();
        register(session, authenticator, "Điện thoại cũ").andExpect(status().isCreated());

        mvc.perform(post("/account/passkeys/{id}/delete", authenticator.credentialId()).session(session).with(csrf()))
                .andExpect(redirectedUrl("/account/passkeys"));

        assertThat(passkeys.of(member)).isEmpty();
        assertThat(audit.entriesFor("account", member.accountId().value())).extracting(AuditEntry::action)
                .contains("account.passkeyDeleted");
        signInWithPasskey(new MockHttpSession(), authenticator, "10.8.0.2")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.redirectUrl").value("/login?error=passkey"));
    }

    @Test
    void deletionNeedsPasswordAfterRecentSignIn() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        var authenticator = new TestAuthenticator();
        register(session, authenticator, "Điện thoại").andExpect(status().isCreated());
        Instant longAgo = Instant.now().minusSeconds(3600);

        mvc.perform(get("/account/passkeys").session(session))
                .andExpect(content().string(not(containsString("name=\"password\""))));
        assertThat(passkeys.passwordNeeded(Instant.now().minusSeconds(60))).isFalse();
        assertThat(passkeys.passwordNeeded(longAgo)).isTrue();
        assertThat(passkeys.passwordNeeded(null)).isTrue();
        assertThatThrownBy(() -> passkeys.delete(member, authenticator.credentialId(), "sai-mat-khau", longAgo))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("account.passkeys.error.password");
        assertThat(passkeys.of(member)).hasSize(1);

        passkeys.delete(member, authenticator.credentialId(), Fixtures.PASSWORD, longAgo);

        assertThat(passkeys.of(member)).isEmpty();
    }

    @Test
    void otherAccountsPasskeyIsNotFound() throws Exception {
        Actor owner = member();
        Actor other = member();
        var authenticator = new TestAuthenticator();
        register(SignIn.as(mvc, owner), authenticator, "Điện thoại").andExpect(status().isCreated());
        MockHttpSession otherSession = SignIn.as(mvc, other);

        mvc.perform(post("/account/passkeys/{id}/delete", authenticator.credentialId()).session(otherSession)
                        .with(csrf()).param("password", Fixtures.PASSWORD))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/passkeys/{id}/delete", "không-phải-base64!").session(otherSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account/passkeys").session(otherSession))
                .andExpect(content().string(not(containsString(authenticator.credentialId()))));

        assertThat(passkeys.of(owner)).hasSize(1);
    }

    @Test
    void registrationAndDeletionNeedSignIn() throws Exception {
        var anonymous = new MockHttpSession();

        mvc.perform(get("/account/passkeys").session(anonymous)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/webauthn/register/options").session(anonymous).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/passkeys").session(anonymous).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/account/passkeys/{id}/delete", "AAAA").session(anonymous).with(csrf()))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void requestsWithoutCsrfTokenAreForbidden() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        var authenticator = new TestAuthenticator();
        register(session, authenticator, "Điện thoại").andExpect(status().isCreated());

        mvc.perform(post("/webauthn/register/options").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/account/passkeys").session(session).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/passkeys/{id}/delete", authenticator.credentialId()).session(session))
                .andExpect(status().isForbidden());
        mvc.perform(post("/webauthn/authenticate/options").session(new MockHttpSession()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login/webauthn").session(new MockHttpSession()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());

        assertThat(passkeys.of(member)).hasSize(1);
    }

    @Test
    void rejectsBadLabels() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        register(session, new TestAuthenticator(), "Điện thoại").andExpect(status().isCreated());

        record Case(String label, String message) {
        }
        List<Case> cases = List.of(
                new Case("", "Xin đặt tên cho khóa truy cập."),
                new Case("   ", "Xin đặt tên cho khóa truy cập."),
                new Case("a".repeat(61), "Tên khóa quá dài: tối đa 60 ký tự."),
                new Case("Điện\u0007thoại", "Tên khóa có ký tự không hợp lệ"),
                new Case("điện THOẠI", "Đồng chí đã có một khóa tên «điện THOẠI»."));
        for (Case badLabel : cases) {
            register(session, new TestAuthenticator(), badLabel.label())
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.message").value(containsString(badLabel.message())));
        }

        assertThat(passkeys.of(member)).extracting(Passkey::label).containsExactly("Điện thoại");
    }

    @Test
    void rejectsUnreadableOrUnrequestedRegistration() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);

        mvc.perform(post("/account/passkeys").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"Điện thoại\", \"credential\": 42"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").isNotEmpty());
        // Options from an earlier registration serve once: the second use finds none.
        var authenticator = new TestAuthenticator();
        String options = creationOptions(session);
        String registration = authenticator.registration(options, "Điện thoại");
        postRegistration(session, registration).andExpect(status().isCreated());
        postRegistration(session, new TestAuthenticator().registration(options, "Máy tính"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.message").value("Phiên đăng ký khóa đã hết hạn. Xin bấm «Thêm khóa truy cập» lại."));
        mvc.perform(post("/account/passkeys").session(session).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("label", "Điện thoại"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trình duyệt cần bật JavaScript")));

        assertThat(passkeys.of(member)).hasSize(1);
    }

    @Test
    void springSecurityRegistrationEndpointsAreClosed() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        var authenticator = new TestAuthenticator();
        register(session, authenticator, "Điện thoại").andExpect(status().isCreated());

        mvc.perform(post("/webauthn/register").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicKey\": {\"label\": \"x\"}}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/webauthn/register/{id}", authenticator.credentialId()).session(session).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(passkeys.of(member)).hasSize(1);
    }

    @Test
    void failedAssertionsCountTowardsSignInLimits() throws Exception {
        Actor member = member();
        var authenticator = new TestAuthenticator();
        register(SignIn.as(mvc, member), authenticator, "Điện thoại").andExpect(status().isCreated());

        for (int attempt = 1; attempt <= 5; attempt++) {
            var session = new MockHttpSession();
            mvc.perform(remote(post("/login/webauthn"), "10.9.0." + attempt).session(session).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(authenticator.assertion(requestOptions(session), "https://gia-mao.example")))
                    .andExpect(jsonPath("$.redirectUrl").value("/login?error=passkey"));
        }
        var sixth = new MockHttpSession();
        mvc.perform(remote(post("/login/webauthn"), "10.9.0.6").session(sixth).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(authenticator.assertion(requestOptions(sixth), "https://gia-mao.example")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.redirectUrl").value(containsString("/login?error=blocked&until=")));

        signInWithPasskey(new MockHttpSession(), authenticator, "10.9.0.7")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.redirectUrl").value(containsString("/login?error=blocked&until=")));
        assertThat(jdbc.sql("select failures from sign_in_failure where subject = :subject")
                .param("subject", "account:" + member.accountId().value())
                .query(Integer.class)
                .single()).isEqualTo(6);
        // Five failures and the one that started the block are audited; the refusal during the block is not.
        assertThat(audit.entriesFor("account", member.accountId().value()))
                .filteredOn(entry -> entry.action().equals("account.signInFailed"))
                .extracting(AuditEntry::detail)
                .containsExactly("method=PASSKEY reason=BAD_CREDENTIALS", "method=PASSKEY reason=BAD_CREDENTIALS",
                        "method=PASSKEY reason=BAD_CREDENTIALS", "method=PASSKEY reason=BAD_CREDENTIALS",
                        "method=PASSKEY reason=BAD_CREDENTIALS", "method=PASSKEY reason=BLOCKED");
    }

    @Test
    void failedPasskeySignInsAreAudited() throws Exception {
        Actor member = member();
        var registered = new TestAuthenticator();
        register(SignIn.as(mvc, member), registered, "Điện thoại").andExpect(status().isCreated());
        var unknown = new TestAuthenticator();
        long unknownBefore = failuresWithoutAccount("method=PASSKEY reason=UNKNOWN_PASSKEY");

        var session = new MockHttpSession();
        mvc.perform(remote(post("/login/webauthn"), "10.7.0.1").session(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registered.assertion(requestOptions(session), "https://gia-mao.example")))
                .andExpect(status().isUnauthorized());
        signInWithPasskey(new MockHttpSession(), unknown, "10.7.0.2").andExpect(status().isUnauthorized());
        jdbc.sql("update account set enabled = false where id = :id").param("id", member.accountId().value()).update();
        signInWithPasskey(new MockHttpSession(), registered, "10.7.0.3")
                .andExpect(jsonPath("$.redirectUrl").value("/login?error=disabled"));

        assertThat(audit.entriesFor("account", member.accountId().value()))
                .filteredOn(entry -> entry.action().equals("account.signInFailed"))
                .extracting(AuditEntry::detail)
                .containsExactly("method=PASSKEY reason=BAD_CREDENTIALS", "method=PASSKEY reason=DISABLED");
        assertThat(failuresWithoutAccount("method=PASSKEY reason=UNKNOWN_PASSKEY")).isEqualTo(unknownBefore + 1);
        List<String> details = jdbc.sql("select detail from audit_event where action = 'account.signInFailed'")
                .query(String.class)
                .list();
        for (TestAuthenticator authenticator : List.of(registered, unknown)) {
            String id = authenticator.credentialId();
            assertThat(details).noneMatch(detail -> detail.contains(id) || detail.contains(id.substring(0, 8)));
        }
    }

    private long failuresWithoutAccount(String detail) {
        return jdbc.sql("""
                select count(*) from audit_event
                where action = 'account.signInFailed' and target_id is null and detail = :detail
                """)
                .param("detail", detail)
                .query(Long.class)
                .single();
    }

    @Test
    void signOutEverywhereKeepsPasskeys() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        var authenticator = new TestAuthenticator();
        register(session, authenticator, "Điện thoại").andExpect(status().isCreated());

        mvc.perform(post("/account/sign-out-everywhere").session(session).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOutEverywhere"));

        assertThat(passkeys.countOf(member.accountId())).isEqualTo(1);
        signInWithPasskey(new MockHttpSession(), authenticator, "10.8.0.3").andExpect(status().isOk());
    }

    @Test
    void passwordResetDeletesPasskeys() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MemberId memberId = fixtures.member(commune.cell(), "Phạm Thị Ánh", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), memberId, Role.MEMBER);
        var authenticator = new TestAuthenticator();
        register(SignIn.as(mvc, member), authenticator, "Điện thoại").andExpect(status().isCreated());

        mvc.perform(get("/cells/{cell}/members/{member}/password", commune.cell().id().value(), memberId.value())
                        .session(SignIn.as(mvc, secretary)))
                .andExpect(content().string(containsString(
                        "Tài khoản này có 1 khóa truy cập (passkey). Cấp mật khẩu mới sẽ xóa các khóa đó")));
        issuing.resetPassword(secretary, commune.cell().id(), memberId.value());

        assertThat(passkeys.countOf(member.accountId())).isZero();
        signInWithPasskey(new MockHttpSession(), authenticator, "10.8.0.5")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.redirectUrl").value("/login?error=passkey"));
    }

    @Test
    void apiIgnoresPasskeySession() throws Exception {
        Actor member = member();
        var authenticator = new TestAuthenticator();
        register(SignIn.as(mvc, member), authenticator, "Điện thoại").andExpect(status().isCreated());
        var session = new MockHttpSession();
        signInWithPasskey(session, authenticator, "10.8.0.4").andExpect(status().isOk());

        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
    }

    private Actor member() {
        Organization cell = fixtures.commune().cell();
        MemberId memberId = fixtures.member(cell, "Lê Văn Khóa", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        return fixtures.account(cell, memberId, Role.MEMBER);
    }

    private ResultActions register(MockHttpSession session,
            TestAuthenticator authenticator, String label) throws Exception {
        return postRegistration(session, authenticator.registration(creationOptions(session), label));
    }

    private ResultActions postRegistration(MockHttpSession session,
            String registration) throws Exception {
        return mvc.perform(post("/account/passkeys").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(registration));
    }

    private String creationOptions(MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(post("/webauthn/register/options").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        String options = result.getResponse().getContentAsString();
        JsonNode parsed = JSON.readTree(options);
        assertThat(parsed.get("authenticatorSelection").get("userVerification").asString()).isEqualTo("required");
        assertThat(parsed.get("authenticatorSelection").get("residentKey").asString()).isEqualTo("required");
        return options;
    }

    private String requestOptions(MockHttpSession session) throws Exception {
        return mvc.perform(post("/webauthn/authenticate/options").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private ResultActions signInWithPasskey(MockHttpSession session,
            TestAuthenticator authenticator, String remoteAddress) throws Exception {
        String assertion = authenticator.assertion(requestOptions(session));
        return mvc.perform(remote(post("/login/webauthn"), remoteAddress).session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(assertion));
    }

    private static MockHttpServletRequestBuilder remote(MockHttpServletRequestBuilder request, String address) {
        return request.with(mock -> {
            mock.setRemoteAddr(address);
            return mock;
        });
    }
}
