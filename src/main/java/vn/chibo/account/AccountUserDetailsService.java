package vn.chibo.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account for sign-in by its user name, in the normalized form that accounts are stored in. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountRecord account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No account with this user name"));
        return new AccountUser(account.id(), account.username(), accounts.passwordHash(account.id()),
                account.enabled(), account.passwordChangedAt());
    }
}
