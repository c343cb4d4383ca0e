package vn.chibo.account;

import java.nio.charset.StandardCharsets;

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

    static final int MINIMUM_LENGTH = 8;

    /** BCrypt reads at most 72 bytes of a password; a letter with Vietnamese diacritics takes 2 or 3. */
    static final int MAXIMUM_BYTES = 72;

    private static final Logger log = LoggerFactory.getLogger(PasswordChange.class);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;

    PasswordChange(Accounts accounts, PasswordEncoder passwordEncoder, AuditLog audit) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    /**
     * Replaces the actor's password after checking the current one.
     *
     * @throws InvalidInputException with a key under {@code account.password.error} naming what is wrong
     */
    @Transactional
    public void change(Actor actor, String currentPassword, String newPassword, String confirmation) {
        if (!passwordEncoder.matches(currentPassword, accounts.passwordHash(actor.accountId()))) {
            throw new InvalidInputException("account.password.error.current");
        }
        if (newPassword.length() < MINIMUM_LENGTH) {
            throw new InvalidInputException("account.password.error.tooShort", MINIMUM_LENGTH);
        }
        if (newPassword.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            throw new InvalidInputException("account.password.error.tooLong", MAXIMUM_BYTES);
        }
        if (!newPassword.equals(confirmation)) {
            throw new InvalidInputException("account.password.error.confirmation");
        }
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("account.password.error.unchanged");
        }
        if (Usernames.normalize(newPassword).equals(actor.username())) {
            throw new InvalidInputException("account.password.error.sameAsUsername");
        }

        accounts.updatePassword(actor.accountId(), newPassword, false);
        audit.record(new AuditEntry(actor.accountId().value(), null, "account.passwordChanged", "account",
                actor.accountId().value(), null));
        log.info("Account {} changed its password", actor.accountId());
    }
}
