package vn.chibo.account;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.system.InvalidInputException;

/** Changes an account's own password, including the first change away from an initial password. */
@Component
public class PasswordChange {

    private static final Logger log = LoggerFactory.getLogger(PasswordChange.class);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordRules rules;
    private final AuditLog audit;

    PasswordChange(Accounts accounts, PasswordEncoder passwordEncoder, PasswordRules rules, AuditLog audit) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.rules = rules;
        this.audit = audit;
    }

    /**
     * Replaces the actor's password after checking the current one, the confirmation and the
     * {@link PasswordRules}.
     *
     * @param sessionMark the {@link SignedInSessions#passwordChangeMark mark} of the session that requests
     *        the change and stays signed in, or null when the change comes from no session
     * @throws InvalidInputException with a key under {@code account.password.error} naming what is wrong
     */
    @Transactional
    public void change(Actor actor, String currentPassword, String newPassword, String confirmation,
            @Nullable String sessionMark) {
        if (!passwordEncoder.matches(currentPassword, accounts.passwordHash(actor.accountId()))) {
            throw new InvalidInputException("account.password.error.current");
        }
        if (!newPassword.equals(confirmation)) {
            throw new InvalidInputException("account.password.error.confirmation");
        }
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("account.password.error.unchanged");
        }
        AccountRecord account = accounts.find(actor.accountId()).orElseThrow();
        rules.check(newPassword, accounts.passwordOwner(account));

        accounts.updatePassword(actor.accountId(), newPassword, false, sessionMark);
        audit.record(new AuditEntry(actor.accountId().value(), null, "account.passwordChanged", "account",
                actor.accountId().value(), null));
        log.info("Account {} changed its password", actor.accountId());
    }
}
