package vn.chibo.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second factor on the website: enrolment, sign-in with a TOTP or recovery code, replays,
 * throttling, the sessions that owe a second factor, and the roles that require one.
 */
@SqlTest
@AutoConfigureMockMvc
class SecondFactorTests {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void enrolmentShowsQrCodeAndSecretThenRecoveryCodes() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);

        String page = mvc.perform(get("/account/two-factor/enrol").session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<svg", "class=\"qr\"");
        String secret = secretOn(page);
        assertThat(secret).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        // Reloading keeps the secret that the app may have scanned already.
        assertThat(secretOn(mvc.perform(get("/account/two-factor/enrol").session(session))
                .andReturn().getResponse().getContentAsString())).isEqualTo(secret);

        MvcResult confirmed = mvc.perform(post("/account/two-factor/enrol").session(session).with(csrf())
                        .param("code", currentCode(secret)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();

        List<String> codes = recoveryCodesOn(confirmed.getResponse().getContentAsString());
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(secondFactors.statusOf(member)).isEqualTo(new SecondFactors.Status(true, false, 10));
        assertThat(audit.entriesFor("account", member.accountId().value())).extracting(AuditEntry::action)
                .contains("account.secondFactorEnabled");
    }

    @Test
    void storesSecretEncryptedAndCodesHashed() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        String secret = secretOn(mvc.perform(get("/account/two-factor/enrol").session(session))
                .andReturn().getResponse().getContentAsString()).replace(" ", "");
        List<String> codes = recoveryCodesOn(mvc.perform(post("/account/two-factor/enrol").session(session)
                .with(csrf()).param("code", currentCode(secret))).andReturn().getResponse().getContentAsString());

        String stored = jdbc.sql("select secret from account_totp where account_id = :id")
                .param("id", member.accountId().value()).query(String.class).single();
        List<String> hashes = jdbc.sql("select code_hash from recovery_code where account_id = :id")
                .param("id", member.accountId().value()).query(String.class).list();

        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(hashes).hasSize(10).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        for (String code : codes) {
            assertThat(hashes).noneMatch(hash -> hash.contains(code.replace("-", "")));
        }
    }

    @Test
    void wrongEnrolmentCodeKeepsSecondFactorOff() throws Exception {
        Actor member = member();
        MockHttpSession session = SignIn.as(mvc, member);
        String secret = secretOn(mvc.perform(get("/account/two-factor/enrol").session(session))
                .andReturn().getResponse().getContentAsString());

        mvc.perform(post("/account/two-factor/enrol").session(session).with(csrf())
                        .param("code", otherCode(currentCode(secret))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Mã không khớp.")));

        assertThat(secondFactors.isEnabled(member.accountId())).isFalse();
    }

    @Test
    void passwordLeadsToSecondFactorPage() throws Exception {
        Actor secretary = secretary();

        mvc.perform(formLogin("/login").user(secretary.username()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/second-factor"));
    }

    @Test
    void signsInWithTotpCode() throws Exception {
        Actor secretary = secretary();
        MockHttpSession session = SignIn.withPasswordOnly(mvc, secretary.username(), Fixtures.PASSWORD);
        String idBefore = session.getAttribute("vn.chibo.testing.MockMvcSessionIds.id").toString();

        mvc.perform(post("/second-factor").session(session).with(csrf())
                        .param("code", SecondFactorCodes.next(secretary.username())))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        assertThat(session.getAttribute("vn.chibo.testing.MockMvcSessionIds.id")).as("a new session id")
                .isNotEqualTo(idBefore);
        assertThat(audit.entriesFor("account", secretary.accountId().value()))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("account.secondFactorPassed", "factor=TOTP"),
                        org.assertj.core.groups.Tuple.tuple("account.signedIn", "factors=PASSWORD,TOTP"));
    }

    @Test
    void returnsToPageRequestedBeforeSignIn() throws Exception {
        Actor secretary = secretary();
        MockHttpSession session = (MockHttpSession) mvc.perform(get("/notifications"))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();

        mvc.perform(post("/login").session(session).with(csrf()).param("username", secretary.username())
                .param("password", Fixtures.PASSWORD)).andExpect(redirectedUrl("/second-factor"));
        mvc.perform(post("/second-factor").session(session).with(csrf())
                        .param("code", SecondFactorCodes.next(secretary.username())))
                .andExpect(redirectedUrl("http://localhost/notifications?continue"));
    }

    @Test
    void signsInWithRecoveryCodeOnce() throws Exception {
        Actor secretary = secretary();
        List<String> codes = secondFactors.regenerateRecoveryCodes(secretary);

        MockHttpSession first = SignIn.withPasswordOnly(mvc, secretary.username(), Fixtures.PASSWORD);
        mvc.perform(post("/second-factor").session(first).with(csrf()).param("code", codes.get(3).toUpperCase()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/account/two-factor").session(first))
                .andExpect(content().string(containsString("Còn 9 mã dự phòng chưa dùng.")));

        MockHttpSession second = SignIn.withPasswordOnly(mvc, secretary.username(), Fixtures.PASSWORD);
        mvc.perform(post("/second-factor").session(second).with(csrf()).param("code", codes.get(3)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(containsString("Mã không đúng, đã dùng rồi hoặc đã hết hạn.")));
        assertThat(audit.entriesFor("account", secretary.accountId().value()))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("account.recoveryCodeUsed", "left=9"),
                        org.assertj.core.groups.Tuple.tuple("account.signedIn", "factors=PASSWORD,RECOVERY_CODE"),
                        org.assertj.core.groups.Tuple.tuple("account.secondFactorFailed", "kind=recoveryCode"));
    }

    @Test
    void newRecoveryCodesVoidOldOnes() throws Exception {
        Actor secretary = secretary();
        List<String> old = secondFactors.regenerateRecoveryCodes(secretary);
        MockHttpSession session = SignIn.as(mvc, secretary);

        String page = mvc.perform(post("/account/two-factor/recovery-codes").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> fresh = recoveryCodesOn(page);

        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThatCodeFails(secretary, old.getFirst());
        mvc.perform(post("/second-factor").session(SignIn.withPasswordOnly(mvc, secretary.username(),
                Fixtures.PASSWORD)).with(csrf()).param("code", fresh.getFirst())).andExpect(redirectedUrl("/"));
    }

    @Test
    void rejectsReplayedTotpCode() throws Exception {
        Actor secretary = secretary();
        String code = SecondFactorCodes.next(secretary.username());

        MockHttpSession first = SignIn.withPasswordOnly(mvc, secretary.username(), Fixtures.PASSWORD);
        mvc.perform(post("/second-factor").session(first).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/"));

        MockHttpSession second = SignIn.withPasswordOnly(mvc, secretary.username(), Fixtures.PASSWORD);
        mvc.perform(post("/second-factor").session(second).with(csrf()).param("code", code))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/second-factor"));
    }

    @Test
    void throttlesWrongCodes() throws Exception {
        Actor secretary = secretary();
        MockHttpSession session = SignIn.withPasswordOnly(mvc, secretary.username(), Fixtures.PASSWORD);
        String right = SecondFactorCodes.next(secretary.username());

        // Five wrong codes are free; the sixth blocks codes for 30 seconds.
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/second-factor").session(session).with(csrf()).param("code", otherCode(right)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/second-factor").session(session).with(csrf()).param("code", otherCode(right)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("nhập sai mã nhiều lần")));

        // While the block lasts even the right code is refused, so that guessing gains nothing.
        mvc.perform(post("/second-factor").session(session).with(csrf()).param("code", right))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/second-factor"));
        assertThat(audit.entriesFor("account", secretary.accountId().value()))
                .filteredOn(entry -> entry.action().equals("account.secondFactorFailed")).hasSize(6);
    }

    @Test
    void pendingSessionReachesOnlySecondFactorPage() throws Exception {
        Actor secretary = secretary();
        long cell = secretary.organizationsWith(Role.CELL_SECRETARY).iterator().next().value();
        MockHttpSession session = SignIn.withPasswordOnly(mvc, secretary.username(), Fixtures.PASSWORD);
        String passwordHash = accounts.passwordHash(secretary.accountId());

        List<String> pages = List.of("/", "/cells/" + cell, "/cells/" + cell + "/members",
                "/cells/" + cell + "/meetings", "/cells/" + cell + "/meetings/new", "/notifications",
                "/account/password", "/account/two-factor", "/account/two-factor/enrol", "/organizations",
                "/no-such-page");
        for (String page : pages) {
            mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/second-factor"));
        }
        mvc.perform(get("/cells/" + cell + "/members").session(session).header("HX-Request", "true"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/second-factor"));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", Fixtures.PASSWORD)
                .param("newPassword", "mat-khau-moi-dai").param("confirmation", "mat-khau-moi-dai"))
                .andExpect(redirectedUrl("/second-factor"));
        mvc.perform(post("/account/sign-out-everywhere").session(session).with(csrf()))
                .andExpect(redirectedUrl("/second-factor"));
        mvc.perform(post("/account/two-factor/recovery-codes").session(session).with(csrf()))
                .andExpect(redirectedUrl("/second-factor"));
        mvc.perform(get("/second-factor").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(secretary.displayName()))));
        assertThat(accounts.passwordHash(secretary.accountId())).as("password unchanged").isEqualTo(passwordHash);
        assertThat(secondFactors.statusOf(secretary).recoveryCodesLeft()).as("recovery codes unchanged").isEqualTo(10);
    }

    @Test
    void accountThatMustEnrolReachesOnlyEnrolment() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        String username = Fixtures.phone();
        AccountId id = accounts.create(username, Fixtures.PASSWORD, "Bí thư mới", null, false,
                List.of(new Grant(commune.cell().id(), Role.CELL_SECRETARY)));

        MockHttpSession session = SignIn.withPasswordOnly(mvc, username, Fixtures.PASSWORD);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/two-factor/enrol"));
        mvc.perform(get("/cells/" + commune.cell().id().value()).session(session))
                .andExpect(redirectedUrl("/account/two-factor/enrol"));
        String page = mvc.perform(get("/account/two-factor/enrol").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("bắt buộc xác thực hai bước")))
                .andReturn().getResponse().getContentAsString();

        mvc.perform(post("/account/two-factor/enrol").session(session).with(csrf())
                .param("code", currentCode(secretOn(page)))).andExpect(status().isOk());

        assertThat(secondFactors.isEnabled(id)).isTrue();
        mvc.perform(get("/cells/" + commune.cell().id().value()).session(session)).andExpect(status().isOk());
    }

    @Test
    void grantedRoleSendsNextRequestToEnrolment() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor member = fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Lê Văn Thử",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        MockHttpSession session = SignIn.as(mvc, member);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        accounts.grant(member.accountId(), new Grant(commune.cell().id(), Role.CELL_DEPUTY_SECRETARY));

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/two-factor/enrol"));
    }

    @Test
    void passkeySignInNeedsNoCode() throws Exception {
        Actor secretary = secretary();
        AccountUser user = new AccountUser(accounts.find(secretary.accountId()).orElseThrow(), null);
        var passkey = UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)));
        var passwordOnly = UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));

        mvc.perform(get("/").with(authentication(passkey))).andExpect(status().isOk());
        mvc.perform(get("/").with(authentication(passwordOnly))).andExpect(redirectedUrl("/second-factor"));
    }

    @Test
    void requiredSecondFactorCannotBeTurnedOff() throws Exception {
        Actor secretary = secretary();
        MockHttpSession session = SignIn.as(mvc, secretary);

        mvc.perform(post("/account/two-factor/disable").session(session).with(csrf())
                        .param("password", Fixtures.PASSWORD).param("code", SecondFactorCodes.next(secretary.username())))
                .andExpect(redirectedUrl("/account/two-factor"));

        assertThat(secondFactors.isEnabled(secretary.accountId())).isTrue();
    }

    @Test
    void optionalSecondFactorTurnsOffWithPasswordAndCode() throws Exception {
        Actor member = member();
        fixtures.enrolSecondFactor(member.accountId(), member.username());
        MockHttpSession session = SignIn.as(mvc, member);

        mvc.perform(post("/account/two-factor/disable").session(session).with(csrf())
                        .param("password", "sai-mat-khau").param("code", SecondFactorCodes.next(member.username())))
                .andExpect(redirectedUrl("/account/two-factor"));
        assertThat(secondFactors.isEnabled(member.accountId())).as("after a wrong password").isTrue();

        mvc.perform(post("/account/two-factor/disable").session(session).with(csrf())
                        .param("password", Fixtures.PASSWORD).param("code", SecondFactorCodes.next(member.username())))
                .andExpect(redirectedUrl("/account/two-factor"));
        assertThat(secondFactors.isEnabled(member.accountId())).isFalse();
        mvc.perform(formLogin("/login").user(member.username()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void passwordChangeKeepsSecondFactor() throws Exception {
        Actor secretary = secretary();
        MockHttpSession session = SignIn.as(mvc, secretary);

        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "mat-khau-moi-dai").param("confirmation", "mat-khau-moi-dai"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/notifications").session(session)).andExpect(status().isOk());
    }

    @Test
    void noDemoCodeOutsideDemoMode() throws Exception {
        Actor secretary = secretary();
        secondFactors.enrolKnownSecret(secretary.accountId(), SecondFactorCodes.FIXTURE_SECRET, true);
        MockHttpSession session = SignIn.withPasswordOnly(mvc, secretary.username(), Fixtures.PASSWORD);

        mvc.perform(get("/second-factor").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("demo-code"))))
                .andExpect(content().string(not(containsString(currentCode(SecondFactorCodes.FIXTURE_SECRET)))));
        assertThat(secondFactors.demoCode(secretary.accountId())).isEmpty();
    }

    private Actor secretary() {
        Fixtures.Commune commune = fixtures.commune();
        return fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Nguyễn Văn Bí Thư",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER, Role.CELL_SECRETARY);
    }

    private Actor member() {
        Fixtures.Commune commune = fixtures.commune();
        return fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Trần Thị Thử",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
    }

    private void assertThatCodeFails(Actor account, String code) throws Exception {
        MockHttpSession session = SignIn.withPasswordOnly(mvc, account.username(), Fixtures.PASSWORD);
        mvc.perform(post("/second-factor").session(session).with(csrf()).param("code", code))
                .andExpect(status().isUnauthorized());
    }

    private static String secretOn(String page) {
        Matcher matcher = SECRET.matcher(page);
        assertThat(matcher.find()).as("the secret on the enrolment page").isTrue();
        return matcher.group(1);
    }

    private static List<String> recoveryCodesOn(String page) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = RECOVERY_CODE.matcher(page);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    private static String currentCode(String secret) {
        return TestTotp.code(secret.replace(" ", ""), TestTotp.step(Instant.now()));
    }

    /** Returns a 6-digit code that differs from the given one. */
    private static String otherCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
