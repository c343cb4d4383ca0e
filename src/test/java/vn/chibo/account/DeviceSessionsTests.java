package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.audit.AuditLog;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class DeviceSessionsTests {

    static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    static final String WINDOWS_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 "
            + "Firefox/133.0";

    private static final Pattern HANDLE = Pattern.compile("name=\"session\" value=\"([0-9a-f]{32})\"");
    private static final Pattern TOKEN_ID = Pattern.compile("name=\"token\" value=\"([0-9]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Test
    void listsDevicesInPlainWords() throws Exception {
        memberAccount("0917300111");
        MockHttpSession phone = signIn("0917300111", ANDROID_CHROME, "203.113.45.17");
        signIn("0917300111", WINDOWS_FIREFOX, "2001:ee0:4f1:2c00::17");

        String page = page(phone);

        assertThat(page).contains("Chrome trên Android", "Firefox trên Windows", "203.113.45.0/24",
                "2001:ee0:4f1::/48", "Thiết bị này", "(giờ Việt Nam, UTC+7)");
        assertThat(page).doesNotContain("203.113.45.17").doesNotContain("2c00::17").doesNotContain(storedId(phone));
        assertThat(handles(page)).hasSize(1);
    }

    @Test
    void revokesOneSessionOfOwnAccountOnly() throws Exception {
        AccountId id = memberAccount("0917300222");
        memberAccount("0917300333");
        MockHttpSession phone = signIn("0917300222", ANDROID_CHROME, "203.113.45.17");
        MockHttpSession computer = signIn("0917300222", WINDOWS_FIREFOX, "203.113.46.9");
        MockHttpSession stranger = signIn("0917300333", WINDOWS_FIREFOX, "198.51.100.4");
        String computerHandle = handles(page(phone)).getFirst();

        mvc.perform(post("/account/sessions/revoke").param("session", computerHandle).session(stranger).with(csrf()))
                .andExpect(redirectedUrl("/account/sessions"))
                .andExpect(flash().attributeExists("flashError"));
        mvc.perform(get("/").session(computer)).andExpect(status().isOk());
        mvc.perform(post("/account/sessions/revoke").param("session", computerHandle).session(phone).with(csrf()))
                .andExpect(redirectedUrl("/account/sessions"))
                .andExpect(flash().attributeExists("flash"));

        mvc.perform(get("/").session(computer)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").session(phone)).andExpect(status().isOk());
        mvc.perform(get("/").session(stranger)).andExpect(status().isOk());
        assertThat(audit.entriesFor("account", id.value()))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("account.sessionRevoked"));
    }

    @Test
    void revokesAllOtherSessions() throws Exception {
        memberAccount("0917300444");
        MockHttpSession phone = signIn("0917300444", ANDROID_CHROME, "203.113.45.17");
        MockHttpSession computer = signIn("0917300444", WINDOWS_FIREFOX, "203.113.46.9");
        MockHttpSession tablet = signIn("0917300444", ANDROID_CHROME, "203.113.47.1");

        mvc.perform(post("/account/sessions/revoke-others").session(phone).with(csrf()))
                .andExpect(redirectedUrl("/account/sessions"));

        mvc.perform(get("/").session(computer)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").session(tablet)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").session(phone)).andExpect(status().isOk());
        assertThat(handles(page(phone))).isEmpty();
    }

    @Test
    void endsSessionAfterAbsoluteLifetime() throws Exception {
        memberAccount("0917300555");
        MockHttpSession old = signIn("0917300555", ANDROID_CHROME, "203.113.45.17");
        MockHttpSession fresh = signIn("0917300555", WINDOWS_FIREFOX, "203.113.46.9");
        String signedIn = SignedInSessions.SIGNED_IN_AT;
        byte[] thirteenHoursAgo = new SerializingConverter()
                .convert(Instant.now().minus(Duration.ofHours(13)));
        int updated = jdbc.sql("""
                update spring_session_attributes set attribute_bytes = :bytes
                where attribute_name = :name and session_primary_id =
                    (select primary_id from spring_session where session_id = :id)
                """)
                .param("bytes", thirteenHoursAgo)
                .param("name", signedIn)
                .param("id", storedId(old))
                .update();

        assertThat(updated).isEqualTo(1);
        mvc.perform(get("/").session(old)).andExpect(redirectedUrl("/login?error=expired"));
        mvc.perform(get("/").session(fresh)).andExpect(status().isOk());
        assertThat(new String(mvc.perform(get("/login").param("error", "expired")).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8))
                .contains("Phiên đăng nhập đã quá thời hạn tối đa");
    }

    @Test
    void storesIdleTimeoutOfThirtyMinutes() throws Exception {
        memberAccount("0917300666");
        MockHttpSession phone = signIn("0917300666", ANDROID_CHROME, "203.113.45.17");

        int seconds = jdbc.sql("select max_inactive_interval from spring_session where session_id = :id")
                .param("id", storedId(phone))
                .query(Integer.class)
                .single();

        assertThat(seconds).isEqualTo(1800);
    }

    @Test
    void listsAndRevokesOwnAppTokens() throws Exception {
        memberAccount("0917300777");
        memberAccount("0917300888");
        MockHttpSession phone = signIn("0917300777", ANDROID_CHROME, "203.113.45.17");
        MockHttpSession stranger = signIn("0917300888", ANDROID_CHROME, "198.51.100.4");
        String token = tokens.issue("0917300777", "mat-khau-dai", null, "203.113.45.17", ANDROID_CHROME).token();

        String page = page(phone);
        Matcher id = TOKEN_ID.matcher(page);
        assertThat(id.find()).isTrue();
        assertThat(page).contains("Cấp lúc", "Hết hạn lúc").doesNotContain(token);

        mvc.perform(post("/account/tokens/revoke").param("token", id.group(1)).session(stranger).with(csrf()))
                .andExpect(flash().attributeExists("flashError"));
        assertThat(tokens.holderOf(token)).isPresent();
        mvc.perform(post("/account/tokens/revoke").param("token", id.group(1)).session(phone).with(csrf()))
                .andExpect(flash().attributeExists("flash"));
        assertThat(tokens.holderOf(token)).isEmpty();
        assertThat(page(phone)).contains("Chưa có ứng dụng nào đăng nhập bằng tài khoản này.");
    }

    private MockHttpSession signIn(String username, String userAgent, String address) throws Exception {
        MvcResult result = mvc.perform(SignInTests.signIn(username, "mat-khau-dai", address)
                        .header("User-Agent", userAgent))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String page(MockHttpSession session) throws Exception {
        return new String(mvc.perform(get("/account/sessions").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static List<String> handles(String page) {
        return HANDLE.matcher(page).results().map(match -> match.group(1)).toList();
    }

    /** Returns the id of the stored session that MockMvc's session stands for. */
    private static String storedId(MockHttpSession session) {
        return (String) session.getAttribute("vn.chibo.testing.MockMvcSessionIds.id");
    }

    private AccountId memberAccount(String phone) {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ thiết bị", null);
        return accounts.create(phone, "mat-khau-dai", "Người dùng " + phone, null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
    }
}
