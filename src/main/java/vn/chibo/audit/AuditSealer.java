package vn.chibo.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.system.JdbcTime;

/**
 * Adds committed audit entries to the hash chain. Audited transactions only insert into audit_event
 * and take no shared lock, so ballots and check-ins in different cells never wait for one another.
 * The sealer then locks the single row of audit_seal_lock, so that one node at a time seals, reads
 * the head of the chain and appends the unsealed entries in id order, each with the next sequence
 * number and the hash over the entry and the previous hash.
 *
 * <p>An entry whose transaction commits after a later id was sealed is sealed in the next run, so the
 * sequence order is the order of sealing, not always the order of the ids.
 */
@Component
public class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditProperties properties;

    AuditSealer(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${chibo.audit.seal-interval:5s}", initialDelayString = "${chibo.audit.seal-interval:5s}")
    void sealOnSchedule() {
        try {
            sealPending();
        }
        catch (PessimisticLockingFailureException busy) {
            // Another node or thread holds the lock row longer than the database's lock timeout.
            log.info("Audit sealing skipped this run because another sealer holds the lock ({})",
                    busy.getClass().getSimpleName());
        }
    }

    /**
     * Seals every entry committed so far, in batches of {@code chibo.audit.seal-batch-size}, each batch
     * in a transaction of its own. Returns the number of entries sealed.
     *
     * @throws PessimisticLockingFailureException when another sealer holds the lock row for longer than
     *     the database's lock timeout
     */
    public int sealPending() {
        int total = 0;
        while (true) {
            Integer sealed = transactions.execute(status -> sealBatch());
            total += sealed == null ? 0 : sealed;
            if (sealed == null || sealed < properties.sealBatchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("Sealed {} audit entries", total);
        }
        return total;
    }

    private int sealBatch() {
        jdbc.sql("select id from audit_seal_lock where id = 1 for update").query(Integer.class).single();

        var head = jdbc.sql("select sequence_number, hash from audit_seal order by sequence_number desc limit 1")
                .query((row, rowNumber) -> new Head(row.getLong("sequence_number"), row.getString("hash")))
                .optional()
                .orElse(new Head(0, SealedEntry.GENESIS_HASH));
        List<Unsealed> entries = jdbc.sql("""
                select e.id, e.occurred_at, e.actor_account_id, e.organization_id, e.action, e.target_type, e.target_id,
                       e.detail
                from audit_event e
                where not exists (select 1 from audit_seal s where s.event_id = e.id)
                order by e.id
                limit :batch
                """)
                .param("batch", properties.sealBatchSize())
                .query(AuditSealer::unsealed)
                .list();

        long sequence = head.sequenceNumber();
        String previousHash = head.hash();
        var now = JdbcTime.param(clock.instant());
        for (Unsealed entry : entries) {
            sequence++;
            var sealed = new SealedEntry(sequence, entry.id(), entry.occurredAt(), entry.actorAccountId(),
                    entry.organizationId(), entry.action(), entry.targetType(), entry.targetId(), entry.detail(),
                    previousHash);
            String hash = sealed.hash();
            jdbc.sql("""
                    insert into audit_seal (sequence_number, event_id, previous_hash, hash, sealed_at)
                    values (:sequence, :event, :previous, :hash, :now)
                    """)
                    .param("sequence", sequence)
                    .param("event", entry.id())
                    .param("previous", previousHash)
                    .param("hash", hash)
                    .param("now", now)
                    .update();
            previousHash = hash;
        }
        return entries.size();
    }

    private static Unsealed unsealed(ResultSet row, int rowNumber) throws SQLException {
        return new Unsealed(row.getLong("id"), Objects.requireNonNull(JdbcTime.instant(row, "occurred_at")),
                row.getObject("actor_account_id", Long.class), row.getObject("organization_id", Long.class),
                row.getString("action"), row.getString("target_type"), row.getObject("target_id", Long.class),
                row.getString("detail"));
    }

    private record Head(long sequenceNumber, String hash) {
    }

    private record Unsealed(long id, Instant occurredAt, @Nullable Long actorAccountId, @Nullable Long organizationId,
            String action, String targetType, @Nullable Long targetId, @Nullable String detail) {
    }
}
