package vn.chibo.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored audit entry with its id and time, as the audit page, access lists and retention read it.
 *
 * @param sequenceNumber its place in the hash chain, or null while it is not sealed yet
 */
public record AuditRecord(long id, Instant occurredAt, @Nullable Long actorAccountId, @Nullable Long organizationId,
        String action, String targetType, @Nullable Long targetId, @Nullable String detail,
        @Nullable Long sequenceNumber) {
}
