package vn.chibo.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.testing.SqlTest;
import vn.chibo.testing.TestDatabaseInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash chain on H2 and PostgreSQL: sealing, concurrent writers and sealers, and tampering by
 * direct SQL. The scheduled sealer is slowed to once an hour so that each test seals when it means to.
 */
@SqlTest
@TestPropertySource(properties = "chibo.audit.seal-interval=1h")
class AuditChainTests {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSourceProperties dataSource;

    @BeforeEach
    void emptyTrail() {
        withoutAppendOnlyTriggers(() -> {
            jdbc.sql("delete from audit_seal").update();
            jdbc.sql("delete from audit_event").update();
        });
    }

    @Test
    void sealsEntriesInOrder() {
        record(5);

        assertThat(sealer.sealPending()).isEqualTo(5);

        ChainVerification result = chain.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.sealedEntries()).isEqualTo(5);
        assertThat(result.unsealedEntries()).isZero();
        assertThat(result.headHash()).isEqualTo(hashOf(5));
        assertThat(previousHashOf(1)).isEqualTo("0".repeat(64));
        assertThat(previousHashOf(2)).isEqualTo(hashOf(1));
    }

    @Test
    void extendsChainOnNextRun() {
        record(3);
        sealer.sealPending();
        record(2);

        assertThat(chain.verify().unsealedEntries()).isEqualTo(2);
        assertThat(sealer.sealPending()).isEqualTo(2);

        ChainVerification result = chain.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.sealedEntries()).isEqualTo(5);
        assertThat(previousHashOf(4)).isEqualTo(hashOf(3));
    }

    @Test
    void emptyChainIsIntact() {
        ChainVerification result = chain.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.sealedEntries()).isZero();
        assertThat(result.headHash()).isEqualTo("0".repeat(64));
    }

    @Test
    void concurrentWritersAndSealers() throws Exception {
        int writers = 6;
        int entriesEach = 40;
        var writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                long organization = writer;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < entriesEach; i++) {
                        long target = i;
                        transactions.executeWithoutResult(status -> audit.record(
                                new AuditEntry(null, organization, "test.concurrent", "test", target, null)));
                    }
                }));
            }
            List<Future<?>> seals = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                seals.add(pool.submit(() -> {
                    while (writing.get()) {
                        sealIgnoringLockTimeout();
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            writing.set(false);
            for (Future<?> seal : seals) {
                seal.get();
            }
        }
        finally {
            pool.shutdown();
        }
        sealer.sealPending();

        ChainVerification result = chain.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.sealedEntries()).isEqualTo(writers * entriesEach);
        assertThat(result.unsealedEntries()).isZero();
        long distinctSealedEvents = jdbc.sql("select count(distinct event_id) from audit_seal").query(Long.class).single();
        assertThat(distinctSealedEvents).isEqualTo(writers * entriesEach);
    }

    @Test
    void detectsEditedEntry() {
        record(5);
        sealer.sealPending();

        withoutAppendOnlyTriggers(() -> jdbc.sql("update audit_event set detail = 'status=ABSENT' where id = :id")
                .param("id", eventOf(3)).update());

        assertBrokenAt(3, "audit.chain.changedEntry");
    }

    @Test
    void detectsEditedTime() {
        record(5);
        sealer.sealPending();

        withoutAppendOnlyTriggers(() -> jdbc.sql("""
                update audit_event set occurred_at = occurred_at - interval '1' day where id = :id
                """).param("id", eventOf(2)).update());

        assertBrokenAt(2, "audit.chain.changedEntry");
    }

    @Test
    void detectsDeletedEntry() {
        record(5);
        sealer.sealPending();

        withoutAppendOnlyTriggers(() -> jdbc.sql("delete from audit_event where id = :id")
                .param("id", eventOf(4)).update());

        assertBrokenAt(4, "audit.chain.missingEntry");
    }

    @Test
    void detectsDeletedEntryAndSeal() {
        record(5);
        sealer.sealPending();
        long event = eventOf(2);

        withoutAppendOnlyTriggers(() -> {
            jdbc.sql("delete from audit_seal where sequence_number = 2").update();
            jdbc.sql("delete from audit_event where id = :id").param("id", event).update();
        });

        assertBrokenAt(2, "audit.chain.sequenceGap");
    }

    @Test
    void detectsInsertedEntry() {
        record(5);
        sealer.sealPending();

        // A forger inserts an entry after sequence number 2, shifts the later seals up by one and gives
        // the forged entry a correct hash over the head before it. Only rewriting every later hash
        // would hide this.
        withoutAppendOnlyTriggers(() -> {
            for (long sequence = 5; sequence >= 3; sequence--) {
                jdbc.sql("update audit_seal set sequence_number = :to where sequence_number = :from")
                        .param("to", sequence + 1).param("from", sequence).update();
            }
            long forged = insertEvent("account.roleGranted");
            var entry = jdbc.sql("select occurred_at from audit_event where id = :id").param("id", forged)
                    .query((row, n) -> vn.chibo.system.JdbcTime.instant(row, "occurred_at")).single();
            String hash = new SealedEntry(3, forged, entry, null, 1L, "account.roleGranted", "account", 1L, null,
                    hashOf(2)).hash();
            jdbc.sql("""
                    insert into audit_seal (sequence_number, event_id, previous_hash, hash, sealed_at)
                    values (3, :event, :previous, :hash, current_timestamp)
                    """).param("event", forged).param("previous", hashOf(2)).param("hash", hash).update();
        });

        ChainVerification result = chain.verify();
        assertThat(result.firstBadSequenceNumber()).isEqualTo(4);
        assertThat(result.sealedEntries()).isEqualTo(3);
    }

    @Test
    void detectsReorderedEntries() {
        record(5);
        sealer.sealPending();
        long second = eventOf(2);
        long third = eventOf(3);

        withoutAppendOnlyTriggers(() -> {
            jdbc.sql("update audit_seal set event_id = -1 where sequence_number = 2").update();
            jdbc.sql("update audit_seal set event_id = :event where sequence_number = 3").param("event", second).update();
            jdbc.sql("update audit_seal set event_id = :event where sequence_number = 2").param("event", third).update();
        });

        assertBrokenAt(2, "audit.chain.changedEntry");
    }

    @Test
    void detectsBrokenLink() {
        record(5);
        sealer.sealPending();

        withoutAppendOnlyTriggers(() -> jdbc.sql("update audit_seal set previous_hash = :hash where sequence_number = 5")
                .param("hash", "f".repeat(64)).update());

        assertBrokenAt(5, "audit.chain.brokenLink");
    }

    @Test
    void postgresRejectsUpdateAndDelete() {
        record(1);
        sealer.sealPending();
        if (!TestDatabaseInitializer.onPostgres()) {
            return;
        }

        for (String statement : List.of("update audit_event set detail = 'x'", "delete from audit_event",
                "update audit_seal set hash = 'x'", "delete from audit_seal", "truncate audit_event")) {
            assertThatThrownBy(() -> jdbc.sql(statement).update())
                    .as(statement)
                    .hasMessageContaining("append-only");
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void documentedGrantsKeepAppendOnly() throws Exception {
        if (!TestDatabaseInitializer.onPostgres()) {
            return;
        }
        record(2);
        String role = "chibo_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // The grants of docs/operations.md, for a role of this test.
        for (String statement : List.of("create role " + role + " login password 'test'",
                "grant usage on schema public to " + role,
                "grant select, insert, update, delete on all tables in schema public to " + role,
                "grant usage, select on all sequences in schema public to " + role,
                "revoke update, delete, truncate on audit_event, audit_seal from " + role,
                "grant select, update on audit_seal_lock to " + role)) {
            jdbc.sql(statement).update();
        }
        String url = dataSource.determineUrl();
        var asApplication = JdbcClient.create(new DriverManagerDataSource(url, role, "test"));
        var applicationSealer = new AuditSealer(asApplication,
                new TransactionTemplate(new DataSourceTransactionManager(
                        new DriverManagerDataSource(url, role, "test"))), java.time.Clock.systemUTC(),
                new AuditProperties(java.time.Duration.ofSeconds(5), 1000));
        try {
            asApplication.sql("""
                    insert into audit_event (occurred_at, organization_id, action, target_type, target_id)
                    values (current_timestamp, 1, 'test.grants', 'test', 1)
                    """).update();

            assertThat(applicationSealer.sealPending()).isEqualTo(3);
            assertThatThrownBy(() -> asApplication.sql("update audit_event set detail = 'x'").update())
                    .rootCause().hasMessageContaining("permission denied for table audit_event");
            assertThatThrownBy(() -> asApplication.sql("delete from audit_seal").update())
                    .rootCause().hasMessageContaining("permission denied for table audit_seal");
            assertThat(chain.verify().sealedEntries()).isEqualTo(3);
        }
        finally {
            // Revoked one by one rather than with "drop owned by", which needs membership in the role: the
            // CI user may create and drop roles (CREATEROLE) but is no superuser.
            for (String statement : List.of("revoke all on all tables in schema public from " + role,
                    "revoke all on all sequences in schema public from " + role,
                    "revoke usage on schema public from " + role, "drop role " + role)) {
                jdbc.sql(statement).update();
            }
        }
    }

    private void assertBrokenAt(long sequenceNumber, String problem) {
        ChainVerification result = chain.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSequenceNumber()).isEqualTo(sequenceNumber);
        assertThat(result.problem()).isEqualTo(problem);
        assertThat(result.sealedEntries()).isEqualTo(sequenceNumber - 1);
    }

    private void record(int count) {
        for (int i = 0; i < count; i++) {
            long target = i;
            transactions.executeWithoutResult(status -> audit.record(
                    new AuditEntry(7L, 1L, "attendance.recorded", "meeting", target, "status=PRESENT_IN_PERSON")));
        }
    }

    private long insertEvent(String action) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor_account_id, organization_id, action, target_type, target_id)
                values (current_timestamp, null, 1, :action, 'account', 1)
                """).param("action", action).update();
        return jdbc.sql("select max(id) from audit_event").query(Long.class).single();
    }

    private void sealIgnoringLockTimeout() {
        try {
            sealer.sealPending();
        }
        catch (PessimisticLockingFailureException busy) {
            // The other sealer held the lock longer than the lock timeout; the next loop tries again.
        }
    }

    private long eventOf(long sequenceNumber) {
        return jdbc.sql("select event_id from audit_seal where sequence_number = :sequence")
                .param("sequence", sequenceNumber).query(Long.class).single();
    }

    private String hashOf(long sequenceNumber) {
        return jdbc.sql("select hash from audit_seal where sequence_number = :sequence")
                .param("sequence", sequenceNumber).query(String.class).single();
    }

    private String previousHashOf(long sequenceNumber) {
        return jdbc.sql("select previous_hash from audit_seal where sequence_number = :sequence")
                .param("sequence", sequenceNumber).query(String.class).single();
    }

    /** Runs direct changes that the PostgreSQL triggers would reject, in one transaction with them disabled. */
    private void withoutAppendOnlyTriggers(Runnable change) {
        transactions.executeWithoutResult(status -> {
            if (TestDatabaseInitializer.onPostgres()) {
                jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update();
                jdbc.sql("alter table audit_seal disable trigger audit_seal_append_only").update();
            }
            change.run();
            if (TestDatabaseInitializer.onPostgres()) {
                jdbc.sql("alter table audit_event enable trigger audit_event_append_only").update();
                jdbc.sql("alter table audit_seal enable trigger audit_seal_append_only").update();
            }
        });
    }
}
