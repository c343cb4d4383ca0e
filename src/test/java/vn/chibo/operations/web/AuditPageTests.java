package vn.chibo.operations.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditFilter;
import vn.chibo.audit.AuditRecord;
import vn.chibo.audit.AuditLog;
import vn.chibo.audit.AuditSealer;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.TestDatabaseInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "chibo.backup.folder=target/test-backups", "chibo.audit.seal-interval=1h" })
class AuditPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void administratorFiltersEntries() throws Exception {
        var commune = fixtures.commune();
        MockHttpSession admin = SignIn.as(mvc, fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN));
        record(new AuditEntry(null, commune.cell().id().value(), "test.pageFilter", "meeting", 4711L, "kind=REGULAR"));
        sealer.sealPending();
        record(new AuditEntry(null, commune.cell().id().value(), "test.pageFilter", "meeting", 4712L, null));

        mvc.perform(get("/admin/audit").param("action", "test.pageFilter").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("kind=REGULAR")))
                .andExpect(content().string(containsString("meeting 4711")))
                .andExpect(content().string(containsString("meeting 4712")))
                .andExpect(content().string(containsString("chưa niêm phong")));
        mvc.perform(get("/admin/audit").param("action", "test.pageFilter").param("targetId", "4711").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("meeting 4711")))
                .andExpect(content().string(not(containsString("meeting 4712"))));
    }

    @Test
    void rejectsInvalidFilter() throws Exception {
        var commune = fixtures.commune();
        MockHttpSession admin = SignIn.as(mvc, fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN));

        mvc.perform(get("/admin/audit").param("action", "x' or 1=1").session(admin))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("tối đa 60 ký tự")));
        mvc.perform(get("/admin/audit").param("targetId", "abc").session(admin))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void onlyAdministratorsOpenPage() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);

        for (Actor actor : new Actor[] { secretary, officer }) {
            MockHttpSession session = SignIn.as(mvc, actor);
            mvc.perform(get("/admin/audit").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/audit/verification").with(csrf()).session(session))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/backups").with(csrf()).session(session)).andExpect(status().isForbidden());
        }
    }

    @Test
    void verificationShowsIntactThenBroken() throws Exception {
        var commune = fixtures.commune();
        MockHttpSession admin = SignIn.as(mvc, fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN));
        record(new AuditEntry(null, commune.cell().id().value(), "test.pageVerify", "meeting", 1L, null));
        sealer.sealPending();

        var intact = mvc.perform(post("/admin/audit/verification").with(csrf()).session(admin))
                .andExpect(redirectedUrl("/admin/audit"))
                .andReturn();
        mvc.perform(get("/admin/audit").session(admin).flashAttrs(intact.getFlashMap()))
                .andExpect(content().string(containsString("Chuỗi còn nguyên vẹn")));

        long sequence = jdbc.sql("select max(sequence_number) from audit_seal").query(Long.class).single();
        transactions.executeWithoutResult(status -> {
            if (TestDatabaseInitializer.onPostgres()) {
                jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update();
            }
            jdbc.sql("update audit_event set detail = 'forged' where id = (select event_id from audit_seal "
                    + "where sequence_number = :sequence)").param("sequence", sequence).update();
            if (TestDatabaseInitializer.onPostgres()) {
                jdbc.sql("alter table audit_event enable trigger audit_event_append_only").update();
            }
        });
        var broken = mvc.perform(post("/admin/audit/verification").with(csrf()).session(admin)).andReturn();
        mvc.perform(get("/admin/audit").session(admin).flashAttrs(broken.getFlashMap()))
                .andExpect(content().string(containsString("Chuỗi bị phá vỡ tại số thứ tự " + sequence)))
                .andExpect(content().string(containsString("đã bị sửa hoặc đổi chỗ")));
        assertThat(audit.recent(new AuditFilter("audit.chainVerified", null, null, null, null, null), 50))
                .extracting(AuditRecord::detail)
                .contains("intact=true", "intact=false firstBad=" + sequence + " problem=audit.chain.changedEntry");
    }

    @Test
    void administratorBacksUp() throws Exception {
        var commune = fixtures.commune();
        Actor admin = fixtures.accountWithoutMember(commune.committee(), Role.SYSTEM_ADMIN);

        var result = mvc.perform(post("/admin/backups").with(csrf()).session(SignIn.as(mvc, admin)))
                .andExpect(redirectedUrl("/admin/audit"))
                .andExpect(flash().attributeExists("flash"))
                .andReturn();

        var message = (vn.chibo.system.FlashMessage) result.getFlashMap().get("flash");
        Path archive = Path.of("target/test-backups").resolve((String) message.arguments()[0]);
        assertThat(archive).exists();
        assertThat(Files.size(archive)).isPositive();
        assertThat(audit.recent(new AuditFilter("operations.backupCreated", admin.accountId().value(), null, null,
                null, null), 10)).extracting(AuditRecord::targetType).containsExactly("backup");
    }

    private void record(AuditEntry entry) {
        transactions.executeWithoutResult(status -> audit.record(entry));
    }
}
