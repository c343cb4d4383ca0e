package vn.chibo.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored account as read for sign-in and for the roster's account column.
 *
 * @param memberId the member this account belongs to, or null for an account of no member
 * @param passwordChangedAt when the password last changed (or was reset), or null if never since creation
 * @param language the language the account last chose ({@code vi}, {@code en}, {@code de}), or null
 * @param sessionGeneration raised by "sign out everywhere"; sessions signed in under a lower one end
 */
public record AccountRecord(AccountId id, String username, String displayName, @Nullable Long memberId,
        boolean mustChangePassword, boolean enabled, @Nullable Instant passwordChangedAt, @Nullable String language,
        int sessionGeneration) {
}
