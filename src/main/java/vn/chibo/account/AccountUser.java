package vn.chibo.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the session: the account id, the user name, and when the password last
 * changed as of sign-in. Roles are not cached here because {@link ActorFilter} reads them afresh on
 * every request; it also ends the session once the password has changed since.
 */
final class AccountUser implements UserDetails, CredentialsContainer {

    private final AccountId accountId;
    private final String username;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final @Nullable Instant passwordChangedAt;

    AccountUser(AccountId accountId, String username, @Nullable String passwordHash, boolean enabled,
            @Nullable Instant passwordChangedAt) {
        this.accountId = accountId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.passwordChangedAt = passwordChangedAt;
    }

    AccountId accountId() {
        return accountId;
    }

    /** Returns whether the password is still the one this session signed in with. */
    boolean passwordUnchangedSince(AccountRecord account) {
        return Objects.equals(passwordChangedAt, account.passwordChangedAt());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
