package vn.chibo.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored audit entry with its id and time, as read back for access lists and retention.
 *
 * @param id the entry's id, rising in the order the entries were written
 */
public record AuditRecord(long id, Instant occurredAt, @Nullable Long actorAccountId, @Nullable Long organizationId,
        String action, String targetType, @Nullable Long targetId, @Nullable String detail) {
}
