package vn.chibo.account;

import org.jspecify.annotations.Nullable;

/**
 * A stored account as read for sign-in and for the roster's account column.
 *
 * @param memberId the member this account belongs to, or null for an account of no member
 */
public record AccountRecord(AccountId id, String username, String displayName, @Nullable Long memberId,
        boolean mustChangePassword, boolean enabled) {
}
