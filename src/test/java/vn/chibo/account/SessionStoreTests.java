package vn.chibo.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.MapSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.audit.AuditLog;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class SessionStoreTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    SessionCleanup cleanup;

    @Autowired
    Environment environment;

    @Test
    void keepsSessionsInDatabase() throws Exception {
        AccountId id = memberAccount("0916000111");

        MockHttpSession phone = SignIn.as(mvc, "0916000111", "mat-khau-dai");
        SignIn.as(mvc, "0916000111", "mat-khau-dai");

        assertThat(storedSessions(id)).isEqualTo(2);
        jdbc.sql("delete from spring_session where principal_name = :name").param("name", "account:" + id.value())
                .update();
        mvc.perform(get("/").session(phone)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void cleanupDeletesExpiredSessionsOnly() throws Exception {
        AccountId id = memberAccount("0916000999");
        SignIn.as(mvc, "0916000999", "mat-khau-dai");
        SignIn.as(mvc, "0916000999", "mat-khau-dai");
        long expiredAt = Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli();
        jdbc.sql("""
                update spring_session set expiry_time = :expired where primary_id = (
                    select min(primary_id) from spring_session where principal_name = :name)
                """)
                .param("expired", expiredAt)
                .param("name", "account:" + id.value())
                .update();

        cleanup.deleteExpired();

        assertThat(storedSessions(id)).isEqualTo(1);
        assertThat(environment.getProperty("spring.session.jdbc.cleanup-cron")).isEqualTo("-");
    }

    @Test
    void signOutEverywhereEndsAllSessions() throws Exception {
        AccountId id = memberAccount("0916000222");
        AccountId other = memberAccount("0916000333");
        MockHttpSession phone = SignIn.as(mvc, "0916000222", "mat-khau-dai");
        MockHttpSession computer = SignIn.as(mvc, "0916000222", "mat-khau-dai");
        MockHttpSession someoneElse = SignIn.as(mvc, "0916000333", "mat-khau-dai");

        mvc.perform(get("/account/sessions").session(computer))
                .andExpect(content().string(containsString("Đăng xuất trên mọi thiết bị")));
        mvc.perform(post("/account/sign-out-everywhere").session(computer).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOutEverywhere"));

        assertThat(storedSessions(id)).isZero();
        assertThat(storedSessions(other)).isEqualTo(1);
        mvc.perform(get("/").session(phone)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/").session(computer)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/").session(someoneElse)).andExpect(status().isOk());
        assertThat(audit.entriesFor("account", id.value()))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("account.signedOutEverywhere");
                    assertThat(entry.detail()).isEqualTo("sessions=2");
                });
        SignIn.as(mvc, "0916000222", "mat-khau-dai");
    }

    @Test
    void signOutEverywhereReachesUnlabelledSessions() throws Exception {
        AccountId id = memberAccount("0916000444");
        MockHttpSession phone = SignIn.as(mvc, "0916000444", "mat-khau-dai");
        MockHttpSession computer = SignIn.as(mvc, "0916000444", "mat-khau-dai");
        jdbc.sql("update spring_session set principal_name = null where principal_name = :name")
                .param("name", "account:" + id.value())
                .update();

        mvc.perform(post("/account/sign-out-everywhere").session(computer).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOutEverywhere"));

        mvc.perform(get("/").session(phone)).andExpect(redirectedUrl("/login?error=signedOutEverywhere"));
    }

    @Test
    void signOutEverywhereNeedsCsrf() throws Exception {
        AccountId id = memberAccount("0916000555");
        MockHttpSession phone = SignIn.as(mvc, "0916000555", "mat-khau-dai");

        mvc.perform(post("/account/sign-out-everywhere").session(phone)).andExpect(status().isForbidden());

        assertThat(storedSessions(id)).isEqualTo(1);
    }

    @Test
    void writesTheLastAccessTimeOncePerTouchInterval() throws Exception {
        AccountId id = memberAccount("0916000666");
        MockHttpSession phone = SignIn.as(mvc, "0916000666", "mat-khau-dai");
        long signedIn = lastAccess(id);

        mvc.perform(get("/").session(phone)).andExpect(status().isOk());
        mvc.perform(get("/account/sessions").session(phone)).andExpect(status().isOk());
        assertThat(lastAccess(id)).isEqualTo(signedIn);

        jdbc.sql("update spring_session set last_access_time = last_access_time - 61000 where principal_name = :name")
                .param("name", "account:" + id.value())
                .update();
        mvc.perform(get("/").session(phone)).andExpect(status().isOk());
        assertThat(lastAccess(id)).isGreaterThanOrEqualTo(signedIn);
    }

    @Test
    void throttledSessionsMoveOnlyOnceTheIntervalPassed() {
        var stored = new MapSession();
        Instant start = stored.getLastAccessedTime();
        var session = new ThrottledSessionStore.ThrottledSession<>(stored, Duration.ofMinutes(1));

        session.setLastAccessedTime(start.plusSeconds(59));
        assertThat(session.getLastAccessedTime()).isEqualTo(start);

        session.setLastAccessedTime(start.plusSeconds(60));
        assertThat(session.getLastAccessedTime()).isEqualTo(start.plusSeconds(60));

        var everyRequest = new ThrottledSessionStore.ThrottledSession<>(new MapSession(), Duration.ZERO);
        Instant later = everyRequest.getLastAccessedTime().plusMillis(1);
        everyRequest.setLastAccessedTime(later);
        assertThat(everyRequest.getLastAccessedTime()).isEqualTo(later);
    }

    private long lastAccess(AccountId id) {
        return jdbc.sql("select last_access_time from spring_session where principal_name = :name")
                .param("name", "account:" + id.value())
                .query(Long.class)
                .single();
    }

    private AccountId memberAccount(String phone) {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ phiên", null);
        return accounts.create(phone, "mat-khau-dai", "Người dùng " + phone, null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
    }

    private long storedSessions(AccountId id) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :name")
                .param("name", "account:" + id.value())
                .query(Long.class)
                .single();
    }
}
