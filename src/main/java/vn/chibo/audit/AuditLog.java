package vn.chibo.audit;

import java.time.Clock;
import java.util.List;

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
}
