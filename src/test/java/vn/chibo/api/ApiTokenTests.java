package vn.chibo.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.AccountId;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.PasswordChange;
import vn.chibo.account.Role;
import vn.chibo.account.SecondFactorProblems;
import vn.chibo.account.SecondFactors;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issuing, using, expiring and revoking the API's bearer tokens, and the problem details of each refusal. */
@SqlTest
@AutoConfigureMockMvc
class ApiTokenTests {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordChange passwordChange;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecondFactors secondFactors;

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final JsonMapper json = JsonMapper.builder().build();

    /** The client address of this test's requests, its own so that failures of other tests do not count. */
    private final String address = nextAddress();

    @Test
    void issuesTokenForRightPassword() throws Exception {
        Actor member = member();
        Instant before = Instant.now();

        MvcResult result = requestToken(member.username(), Fixtures.PASSWORD)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andReturn();

        JsonNode body = json.readTree(result.getResponse().getContentAsString());
        String token = body.get("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        Instant expiresAt = Instant.parse(body.get("expiresAt").asString());
        assertThat(expiresAt).isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
        assertThat(body.get("expiresIn").asLong()).isBetween(Duration.ofDays(30).toSeconds() - 60,
                Duration.ofDays(30).toSeconds());
        assertThat(result.getRequest().getSession(false)).as("no session for the API").isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    void storesOnlyHashOfToken() throws Exception {
        Actor member = member();
        String token = token(member);

        List<String> stored = jdbc.sql("select token_hash from api_token where account_id = :account")
                .param("account", member.accountId().value())
                .query(String.class)
                .list();

        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst()).matches("[0-9a-f]{64}").doesNotContain(token);
    }

    @Test
    void tokenSignsRequestsIn() throws Exception {
        Actor member = member();
        String token = token(member);

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account.username").value(member.username()));
    }

    @Test
    void issuesTokenForPhoneNumber() throws Exception {
        Organization cell = fixtures.commune().cell();
        String phone = Fixtures.phone();
        AccountId account = accounts.create("thu.ky." + phone, Fixtures.PASSWORD, "Thư ký", null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
        accounts.updatePhone(account, phone);
        String typed = phone.substring(0, 4) + " " + phone.substring(4, 7) + "." + phone.substring(7);

        requestToken(typed, Fixtures.PASSWORD)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString());
    }

    @Test
    void wrongPasswordAnswersProblem() throws Exception {
        Actor member = member();

        requestToken(member.username(), "sai-mat-khau")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Chưa đăng nhập"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("Sai tên đăng nhập hoặc mật khẩu. Xin kiểm tra rồi nhập lại."))
                .andExpect(jsonPath("$.instance").value("/api/v1/auth/token"));
    }

    @Test
    void unknownUserAnswersLikeWrongPassword() throws Exception {
        requestToken("0979999999", "sai-mat-khau")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Sai tên đăng nhập hoặc mật khẩu. Xin kiểm tra rồi nhập lại."));
    }

    @Test
    void problemFollowsAcceptLanguage() throws Exception {
        Actor member = member();

        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en-GB,en;q=0.9")
                        .content(body(member.username(), "wrong-password")).with(fromTestAddress()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Language", "en"))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value("Wrong user name or password. Please check and try again."));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "de")
                        .content(body(member.username(), "falsches-passwort")).with(fromTestAddress()))
                .andExpect(jsonPath("$.title").value("Nicht angemeldet"))
                .andExpect(jsonPath("$.detail").value("Benutzername oder Passwort falsch. Bitte prüfen und erneut "
                        + "eingeben."));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "fr")
                        .content(body(member.username(), "mauvais")).with(fromTestAddress()))
                .andExpect(header().string("Content-Language", "vi"));
    }

    @Test
    void repeatedFailuresBlockTokens() throws Exception {
        Actor member = member();
        for (int attempt = 1; attempt <= 5; attempt++) {
            requestToken(member.username(), "sai-" + attempt).andExpect(status().isUnauthorized());
        }

        MvcResult blocked = requestToken(member.username(), "sai-6")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(429))
                .andReturn();
        long retryAfter = Long.parseLong(blocked.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(json.readTree(blocked.getResponse().getContentAsString()).get("detail").asString())
                .startsWith("Đồng chí đã nhập sai nhiều lần");

        // The right password is refused too while the block lasts.
        requestToken(member.username(), Fixtures.PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void repeatedFailuresBlockAddress() throws Exception {
        for (int attempt = 1; attempt <= 20; attempt++) {
            requestToken(Fixtures.phone(), "doan-" + attempt).andExpect(status().isUnauthorized());
        }
        requestToken(Fixtures.phone(), "doan-21").andExpect(status().isTooManyRequests());

        // Another account's right password is refused from this address while the block lasts.
        Actor member = member();
        requestToken(member.username(), Fixtures.PASSWORD)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void initialPasswordGetsNoToken() throws Exception {
        Organization cell = fixtures.commune().cell();
        String username = Fixtures.phone();
        accounts.create(username, "ban-dau-23", "Đảng viên mới", null, true, List.of(new Grant(cell.id(),
                Role.MEMBER)));

        requestToken(username, "ban-dau-23")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("Mật khẩu đúng, nhưng đây vẫn là mật khẩu ban đầu. Xin đăng "
                        + "nhập trên trang web của Chi bộ số để đặt mật khẩu mới, rồi mới dùng ứng dụng."));
        assertThat(jdbc.sql("select count(*) from api_token t join account a on a.id = t.account_id "
                + "where a.username = :username").param("username", username).query(Long.class).single()).isZero();
    }

    @Test
    void missingFieldAnswers400() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"a\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("Thiếu thông tin \"password\" trong yêu cầu."));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Yêu cầu không hợp lệ."));
    }

    @Test
    void formBodyAnswers415() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", "a").param("password", "b"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void wrongMethodAnswers405() throws Exception {
        String token = token(member());

        mvc.perform(post("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void missingTokenAnswers401() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"chibo\""))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("Cần đăng nhập: mã truy cập bị thiếu, không đúng hoặc đã hết "
                        + "hạn. Xin đăng nhập lại."));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer khong-phai-ma-that"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void unknownApiPathAnswers404Problem() throws Exception {
        String token = token(member());

        mvc.perform(get("/api/v1/khong-co").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Không tìm thấy"))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy, hoặc đồng chí không có quyền xem."));
    }

    @Test
    void expiredTokenAnswers401() throws Exception {
        String token = token(member());
        jdbc.sql("update api_token set expires_at = :past where token_hash = :hash")
                .param("past", java.time.OffsetDateTime.now().minusSeconds(1))
                .param("hash", sha256(token))
                .update();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void passwordChangeRevokesTokens() throws Exception {
        Actor member = member();
        String first = token(member);
        String second = token(member);

        passwordChange.change(member, Fixtures.PASSWORD, "mat-khau-rieng-2026", "mat-khau-rieng-2026", null);

        for (String token : List.of(first, second)) {
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        }
        requestToken(member.username(), "mat-khau-rieng-2026").andExpect(status().isOk());
    }

    @Test
    void signOutEverywhereRevokesTokens() throws Exception {
        Actor member = member();
        String token = token(member);
        MockHttpSession session = SignIn.as(mvc, member);

        mvc.perform(post("/account/sign-out-everywhere").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void deleteRevokesOnlyThatToken() throws Exception {
        Actor member = member();
        String kept = token(member);
        String revoked = token(member);

        mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + revoked))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + revoked))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + kept))
                .andExpect(status().isOk());
    }

    @Test
    void disabledAccountLosesTokens() throws Exception {
        Actor member = member();
        String token = token(member);

        jdbc.sql("update account set enabled = false where id = :id").param("id", member.accountId().value()).update();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        requestToken(member.username(), Fixtures.PASSWORD).andExpect(status().isUnauthorized());
    }

    @Test
    void asksForCodeOfAccountWithSecondFactor() throws Exception {
        Actor secretary = secretary();

        requestToken(secretary.username(), Fixtures.PASSWORD)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value(SecondFactorProblems.CODE_REQUIRED))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("\"code\"")));
    }

    @Test
    void issuesTokenWithPasswordAndCode() throws Exception {
        Actor secretary = secretary();

        MvcResult result = requestToken(secretary.username(), Fixtures.PASSWORD,
                SecondFactorCodes.next(secretary.username())).andExpect(status().isOk()).andReturn();
        String token = json.readTree(result.getResponse().getContentAsString()).get("token").asString();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account.username").value(secretary.username()));
        assertThat(jdbc.sql("select second_factor from api_token where token_hash = :hash")
                .param("hash", sha256(token)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void issuesTokenWithRecoveryCodeOnce() throws Exception {
        Actor secretary = secretary();
        String recoveryCode = secondFactors.regenerateRecoveryCodes(secretary).getFirst();

        requestToken(secretary.username(), Fixtures.PASSWORD, recoveryCode).andExpect(status().isOk());
        requestToken(secretary.username(), Fixtures.PASSWORD, recoveryCode)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(SecondFactorProblems.CODE_INVALID));
    }

    @Test
    void rejectsWrongAndReplayedCodes() throws Exception {
        Actor secretary = secretary();
        String code = SecondFactorCodes.next(secretary.username());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        requestToken(secretary.username(), Fixtures.PASSWORD, wrong)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(SecondFactorProblems.CODE_INVALID));
        requestToken(secretary.username(), Fixtures.PASSWORD, code).andExpect(status().isOk());
        requestToken(secretary.username(), Fixtures.PASSWORD, code)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(SecondFactorProblems.CODE_INVALID));
    }

    @Test
    void tellsAccountToEnrolOnWebsite() throws Exception {
        Organization cell = fixtures.commune().cell();
        String username = Fixtures.phone();
        accounts.create(username, Fixtures.PASSWORD, "Bí thư chưa cài", null, false,
                List.of(new Grant(cell.id(), Role.CELL_SECRETARY)));

        requestToken(username, Fixtures.PASSWORD)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(SecondFactorProblems.ENROLMENT_REQUIRED))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("trang web")));
    }

    @Test
    void passwordOnlyTokenStopsWhenRoleRequiresSecondFactor() throws Exception {
        Actor member = member();
        String token = token(member);
        Organization cell = fixtures.commune().cell();

        accounts.grant(member.accountId(), new Grant(cell.id(), Role.CELL_SECRETARY));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(SecondFactorProblems.ENROLMENT_REQUIRED));
    }

    @Test
    void passwordOnlyTokenStopsOnceSecondFactorIsOn() throws Exception {
        Actor member = member();
        String token = token(member);

        fixtures.enrolSecondFactor(member.accountId(), member.username());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(SecondFactorProblems.CODE_REQUIRED));
    }

    @Test
    void openApiDocumentsCodeAndProblemTypes() throws Exception {
        String document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JsonNode request = json.readTree(document).at("/components/schemas/TokenRequest/properties");
        assertThat(request.has("code")).isTrue();
        assertThat(document).contains(SecondFactorProblems.CODE_REQUIRED, SecondFactorProblems.CODE_INVALID,
                SecondFactorProblems.ENROLMENT_REQUIRED);
    }

    private Actor secretary() {
        Organization cell = fixtures.commune().cell();
        return fixtures.account(cell, fixtures.member(cell, "Đinh Văn Bí Thư", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE), Role.MEMBER, Role.CELL_SECRETARY);
    }

    private ResultActions requestToken(String username, String password, String code) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("username", username, "password", password,
                        "code", code)))
                .with(fromTestAddress()));
    }

    private Actor member() {
        Organization cell = fixtures.commune().cell();
        return fixtures.account(cell, fixtures.member(cell, "Đinh Văn Thử", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE), Role.MEMBER);
    }

    private ResultActions requestToken(String username, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(body(username, password))
                .with(fromTestAddress()));
    }

    private static String nextAddress() {
        int number = ADDRESSES.incrementAndGet();
        return "10.23." + number / 250 + "." + number % 250;
    }

    private RequestPostProcessor fromTestAddress() {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String body(String username, String password) {
        return json.writeValueAsString(java.util.Map.of("username", username, "password", password));
    }

    private String token(Actor actor) throws Exception {
        MvcResult result = requestToken(actor.username(), Fixtures.PASSWORD).andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("token").asString();
    }

    private static String sha256(String token) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
