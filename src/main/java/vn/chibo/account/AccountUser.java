package vn.chibo.account;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the session: the account id, the user name, and as of sign-in when the
 * password last changed and the account's session generation. Roles are not cached here because
 * {@link ActorFilter} reads them afresh on every request; it also ends the session once the
 * password has changed since or the account signed out everywhere. Sessions are stored in the
 * database with Java serialization, so every field must be serializable.
 */
final class AccountUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountId accountId;
    private final String username;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final @Nullable Instant passwordChangedAt;
    private final int sessionGeneration;

    AccountUser(AccountRecord account, @Nullable String passwordHash) {
        this.accountId = account.id();
        this.username = account.username();
        this.passwordHash = passwordHash;
        this.enabled = account.enabled();
        this.passwordChangedAt = account.passwordChangedAt();
        this.sessionGeneration = account.sessionGeneration();
    }

    AccountId accountId() {
        return accountId;
    }

    /** Returns whether the password is still the one this session signed in with. */
    boolean passwordUnchangedSince(AccountRecord account) {
        return Objects.equals(passwordChangedAt, account.passwordChangedAt());
    }

    /** Returns whether the account signed out everywhere since this session signed in. */
    boolean signedOutEverywhereSince(AccountRecord account) {
        return account.sessionGeneration() > sessionGeneration;
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
