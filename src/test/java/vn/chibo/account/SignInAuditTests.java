package vn.chibo.account;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import vn.chibo.testing.SqlTest;

@SqlTest
@AutoConfigureMockMvc
class SignInAuditTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsSuccessfulSignIn() throws Exception {
        AccountId id = accounts.create("0917000101", "mat-khau-dai", "Ngô Văn Thử", null, false, List.of());

        mvc.perform(SignInTests.signIn("0917000101", "mat-khau-dai", "10.7.0.1")).andExpect(redirectedUrl("/"));

        assertThat(audit.entriesFor("account", id.value())).containsExactly(
                new AuditEntry(id.value(), null, "account.signedIn", "account", id.value(), "factors=PASSWORD"));
    }

    @Test
    void recordsWrongPasswordAgainstAccount() throws Exception {
        AccountId id = accounts.create("0917000102", "mat-khau-dai", "Ngô Thị Thử", null, false, List.of());

        mvc.perform(SignInTests.signIn("0917000102", "sai-mat-khau", "10.7.0.2"))
                .andExpect(redirectedUrl("/login?error=bad"));

        assertThat(audit.entriesFor("account", id.value())).containsExactly(new AuditEntry(null, null,
                "account.signInFailed", "account", id.value(), "method=PASSWORD reason=BAD_CREDENTIALS"));
    }

    @Test
    void unknownUsernameLeavesNoTrace() throws Exception {
        mvc.perform(SignInTests.signIn("0999111222", "bat-ky", "10.7.0.3"))
                .andExpect(redirectedUrl("/login?error=bad"));

        long failures = jdbc.sql("""
                select count(*) from audit_event
                where action = 'account.signInFailed' and target_id is null and detail = :detail
                """).param("detail", "method=PASSWORD reason=BAD_CREDENTIALS").query(Long.class).single();
        long mentions = jdbc.sql("select count(*) from audit_event where detail like '%0999111222%'")
                .query(Long.class).single();
        assertThat(failures).isPositive();
        assertThat(mentions).isZero();
    }

    @Test
    void recordsFailureThatStartsBlock() throws Exception {
        AccountId id = accounts.create("0917000104", "mat-khau-dai", "Đỗ Văn Thử", null, false, List.of());

        // The default limits allow 5 free failures per account; the sixth starts a block.
        for (int attempt = 0; attempt < 6; attempt++) {
            mvc.perform(SignInTests.signIn("0917000104", "sai-mat-khau", "10.7.0.4"));
        }
        mvc.perform(SignInTests.signIn("0917000104", "mat-khau-dai", "10.7.0.4"));

        List<String> details = audit.entriesFor("account", id.value()).stream().map(AuditEntry::detail).toList();
        assertThat(details).hasSize(6);
        assertThat(details.subList(0, 5)).containsOnly("method=PASSWORD reason=BAD_CREDENTIALS");
        assertThat(details.get(5)).isEqualTo("method=PASSWORD reason=BLOCKED");
    }
}
