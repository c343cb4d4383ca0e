package vn.chibo.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.JdbcTime;

/**
 * Checks the audit hash chain: sequence numbers run 1, 2, 3 … without gaps, every sealed entry still
 * exists, each seal names the hash of the one before it, and each hash matches the entry's fields as
 * they are now. It reads the chain in pages, so memory use does not grow with its length.
 */
@Component
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    private static final int PAGE = 1000;

    private final JdbcClient jdbc;

    /** Creates a verifier for the database behind the client; the application gets its own as a bean. */
    public AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Verifies the whole chain and stops at the first broken entry. */
    public ChainVerification verify() {
        log.info("Audit chain verification started");
        long expected = 1;
        String previousHash = SealedEntry.GENESIS_HASH;
        while (true) {
            List<SealRow> page = page(expected - 1);
            for (SealRow row : page) {
                String problem = problemOf(row, expected, previousHash);
                if (problem != null) {
                    var result = new ChainVerification(expected - 1, expected - 1, previousHash, expected, problem,
                            unsealedCount());
                    log.warn("Audit chain broken at sequence number {}: {}", expected, problem);
                    return result;
                }
                previousHash = row.hash();
                expected++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        var result = new ChainVerification(expected - 1, expected - 1, previousHash, null, null, unsealedCount());
        log.info("Audit chain verified: {} entries intact, head {}, {} unsealed", result.sealedEntries(),
                result.headHash(), result.unsealedEntries());
        return result;
    }

    private static @Nullable String problemOf(SealRow row, long expected, String previousHash) {
        if (row.sequenceNumber() != expected) {
            return "audit.chain.sequenceGap";
        }
        if (row.entry() == null) {
            return "audit.chain.missingEntry";
        }
        if (!row.previousHash().equals(previousHash)) {
            return "audit.chain.brokenLink";
        }
        if (!row.entry().hash().equals(row.hash())) {
            return "audit.chain.changedEntry";
        }
        return null;
    }

    private List<SealRow> page(long afterSequenceNumber) {
        return jdbc.sql("""
                select s.sequence_number, s.event_id, s.previous_hash, s.hash, e.id as found_id, e.occurred_at,
                       e.actor_account_id, e.organization_id, e.action, e.target_type, e.target_id, e.detail
                from audit_seal s left join audit_event e on e.id = s.event_id
                where s.sequence_number > :after
                order by s.sequence_number
                limit :page
                """)
                .param("after", afterSequenceNumber)
                .param("page", PAGE)
                .query(AuditChain::sealRow)
                .list();
    }

    private long unsealedCount() {
        return jdbc.sql("""
                select count(*) from audit_event e where not exists (select 1 from audit_seal s where s.event_id = e.id)
                """)
                .query(Long.class)
                .single();
    }

    private static SealRow sealRow(ResultSet row, int rowNumber) throws SQLException {
        long sequenceNumber = row.getLong("sequence_number");
        String previousHash = row.getString("previous_hash");
        SealedEntry entry = null;
        if (row.getObject("found_id") != null) {
            entry = new SealedEntry(sequenceNumber, row.getLong("found_id"),
                    Objects.requireNonNull(JdbcTime.instant(row, "occurred_at")),
                    row.getObject("actor_account_id", Long.class), row.getObject("organization_id", Long.class),
                    row.getString("action"), row.getString("target_type"), row.getObject("target_id", Long.class),
                    row.getString("detail"), previousHash);
        }
        return new SealRow(sequenceNumber, previousHash, row.getString("hash"), entry);
    }

    /** One row of audit_seal with its entry, which is null when the entry is gone. */
    private record SealRow(long sequenceNumber, String previousHash, String hash, @Nullable SealedEntry entry) {
    }
}
