package vn.chibo.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

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

    /** Returns at most {@code limit} entries that match the filter, newest first, with their sequence numbers. */
    public List<AuditRecord> recent(AuditFilter filter, int limit) {
        var where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        var params = new HashMap<String, Object>();
        addCondition(where, params, "e.action", "action", filter.action());
        addCondition(where, params, "e.actor_account_id", "actor", filter.actorAccountId());
        addCondition(where, params, "e.organization_id", "organization", filter.organizationId());
        addCondition(where, params, "e.target_type", "targetType", filter.targetType());
        addCondition(where, params, "e.target_id", "targetId", filter.targetId());
        if (filter.beforeId() != null) {
            where.add("e.id < :beforeId");
            params.put("beforeId", filter.beforeId());
        }
        return jdbc.sql("""
                select e.id, e.occurred_at, e.actor_account_id, e.organization_id, e.action, e.target_type, e.target_id,
                       e.detail, s.sequence_number
                from audit_event e left join audit_seal s on s.event_id = e.id
                """ + where + " order by e.id desc limit :limit")
                .params(params)
                .param("limit", limit)
                .query(AuditLog::auditRecord)
                .list();
    }

    private static void addCondition(StringJoiner where, Map<String, Object> params, String column, String name,
            @Nullable Object value) {
        if (value != null) {
            where.add(column + " = :" + name);
            params.put(name, value);
        }
    }

    private static AuditRecord auditRecord(ResultSet row, int rowNumber) throws SQLException {
        return new AuditRecord(row.getLong("id"), Objects.requireNonNull(JdbcTime.instant(row, "occurred_at")),
                row.getObject("actor_account_id", Long.class), row.getObject("organization_id", Long.class),
                row.getString("action"), row.getString("target_type"), row.getObject("target_id", Long.class),
                row.getString("detail"), row.getObject("sequence_number", Long.class));
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
                select e.id, e.occurred_at, e.actor_account_id, e.organization_id, e.action, e.target_type, e.target_id,
                       e.detail, s.sequence_number
                from audit_event e left join audit_seal s on s.event_id = e.id
                where e.target_type = :targetType and e.target_id = :targetId and e.action in (:actions)
                order by e.id desc fetch first %d rows only
                """.formatted(limit))
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("actions", List.copyOf(actions))
                .query(AuditLog::auditRecord)
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
}
