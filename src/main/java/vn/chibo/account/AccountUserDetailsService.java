package vn.chibo.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for sign-in by its user name or its phone number, and stores the new hash when
 * sign-in upgrades an old BCrypt hash to Argon2.
 */
@Component
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String usernameOrPhone) {
        AccountRecord account = accounts.findForSignIn(usernameOrPhone)
                .orElseThrow(() -> new UsernameNotFoundException("No account with this user name or phone number"));
        return new AccountUser(account, accounts.passwordHash(account.id()));
    }

    /** Replaces the hash only: the password is the same, so no session ends and no audit entry is due. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        AccountUser accountUser = (AccountUser) user;
        accounts.updatePasswordHash(accountUser.accountId(), newEncodedPassword);
        AccountRecord account = accounts.find(accountUser.accountId()).orElseThrow();
        return new AccountUser(account, newEncodedPassword);
    }
}
