package vn.chibo.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.system.JdbcTime;

/** Writes audit entries and reads them back for an organization or a target. */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a change. It must run inside the transaction that makes the change, so that the change
     * and its entry are saved together or not at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor_account_id, organization_id, action, target_type,
                                         target_id, detail)
                values (:occurredAt, :actor, :organization, :action, :targetType, :targetId, :detail)
                """)
                .param("occurredAt", JdbcTime.param(clock.instant()))
                .param("actor", entry.actorAccountId())
                .param("organization", entry.organizationId())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("detail", entry.detail())
                .update();
    }

    /** Returns the entries about one target, oldest first. */
    public List<AuditEntry> entriesFor(String targetType, long targetId) {
        return jdbc.sql("""
                select actor_account_id, organization_id, action, target_type, target_id, detail
                from audit_event where target_type = :targetType and target_id = :targetId order by id
                """)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .query(AuditEntry.class)
                .list();
    }

    /** Returns the entries of one organization with the given action, oldest first. */
    public List<AuditEntry> entriesOf(long organizationId, String action) {
        return jdbc.sql("""
                select actor_account_id, organization_id, action, target_type, target_id, detail
                from audit_event where organization_id = :organization and action = :action order by id
                """)
                .param("organization", organizationId)
                .param("action", action)
                .query(AuditEntry.class)
                .list();
    }

    /**
     * Returns the entries with one of the actions about one target, newest first, at most {@code limit}.
     * Reads of personal data (profile views, roster views and exports) are found this way.
     */
    public List<AuditRecord> recordsAbout(String targetType, long targetId, Collection<String> actions, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor_account_id, organization_id, action, target_type, target_id, detail
                from audit_event
                where target_type = :targetType and target_id = :targetId and action in (:actions)
                order by id desc fetch first %d rows only
                """.formatted(limit))
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("actions", List.copyOf(actions))
                .query((row, number) -> new AuditRecord(row.getLong("id"), JdbcTime.instant(row, "occurred_at"),
                        nullableLong(row, "actor_account_id"), nullableLong(row, "organization_id"),
                        row.getString("action"), row.getString("target_type"), nullableLong(row, "target_id"),
                        row.getString("detail")))
                .list();
    }

    /** Returns how many entries with the action about the target were written at or after the instant. */
    public long countSince(String action, String targetType, long targetId, Instant since) {
        return jdbc.sql("""
                select count(*) from audit_event
                where action = :action and target_type = :targetType and target_id = :targetId
                  and occurred_at >= :since
                """)
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("since", JdbcTime.param(since))
                .query(Long.class)
                .single();
    }

    private static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
