package vn.chibo.audit;

import org.jspecify.annotations.Nullable;

/**
 * One change to record. The detail holds ids and codes only, never names, phone numbers or the text
 * of opinions, because the trail is read by people who may not see personal data.
 *
 * @param actorAccountId the account that made the change, or null for the system itself
 * @param organizationId the organization whose data changed
 * @param action what happened, such as {@code meeting.published}
 * @param targetType the kind of thing that changed, such as {@code meeting}
 * @param targetId the id of the thing that changed
 * @param detail further codes, such as {@code status=PRESENT_ONLINE}
 */
public record AuditEntry(@Nullable Long actorAccountId, @Nullable Long organizationId, String action, String targetType,
        @Nullable Long targetId, @Nullable String detail) {
}
