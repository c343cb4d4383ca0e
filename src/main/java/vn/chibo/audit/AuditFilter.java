package vn.chibo.audit;

import org.jspecify.annotations.Nullable;

/**
 * The conditions on the entries that the audit page lists. A null field matches every entry.
 *
 * @param action an action code such as {@code account.signedIn}, matched exactly
 * @param beforeId only entries with a smaller id, to page back through older entries
 */
public record AuditFilter(@Nullable String action, @Nullable Long actorAccountId, @Nullable Long organizationId,
        @Nullable String targetType, @Nullable Long targetId, @Nullable Long beforeId) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
