package vn.chibo.account;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the session: only the account id and user name. Roles are not cached here
 * because {@link ActorFilter} reads them afresh on every request.
 */
final class AccountUser implements UserDetails, CredentialsContainer {

    private final AccountId accountId;
    private final String username;
    private @Nullable String passwordHash;
    private final boolean enabled;

    AccountUser(AccountId accountId, String username, String passwordHash, boolean enabled) {
        this.accountId = accountId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    AccountId accountId() {
        return accountId;
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
