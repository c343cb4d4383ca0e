package vn.chibo.account;

import org.springframework.stereotype.Component;

/**
 * Takes every credential away from an account and gives it a new initial password, for a reset by
 * a secretary and a recovery by a higher officer. Whoever holds the slip then owns the account, and
 * a lost phone must not keep a way in, so the reset also removes the second factor with its
 * recovery codes and every passkey, and ends every session and API token. At the next sign-in the
 * account must change the password and, when one of its roles requires it, enrol a second factor
 * again.
 */
@Component
class CredentialReset {

    private final Accounts accounts;
    private final PasswordRules rules;
    private final SecondFactorStore secondFactors;
    private final Passkeys passkeys;
    private final SignedInSessions sessions;
    private final InitialPasswords initialPasswords = new InitialPasswords();

    CredentialReset(Accounts accounts, PasswordRules rules, SecondFactorStore secondFactors, Passkeys passkeys,
            SignedInSessions sessions) {
        this.accounts = accounts;
        this.rules = rules;
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.sessions = sessions;
    }

    /**
     * The outcome of a reset.
     *
     * @param initialPassword the new password, to be shown once and never stored in plain text
     * @param secondFactorRemoved whether the account had a confirmed second factor, now removed
     * @param passkeysDeleted how many passkeys were deleted
     * @param sessionsEnded how many stored sessions were deleted
     */
    record Outcome(String initialPassword, boolean secondFactorRemoved, int passkeysDeleted, int sessionsEnded) {

        /** Returns the counts for an audit entry: no secret, only what was removed. */
        String auditDetail() {
            return "secondFactorRemoved=" + secondFactorRemoved + " passkeysDeleted=" + passkeysDeleted
                    + " sessionsEnded=" + sessionsEnded;
        }
    }

    /** Resets the account; the caller runs it in its transaction and checks who may. */
    Outcome reset(AccountRecord account) {
        PasswordRules.Owner owner = accounts.passwordOwner(account);
        String password = initialPasswords.next(candidate -> rules.accepts(candidate, owner));
        accounts.updatePassword(account.id(), password, true, null);

        boolean hadSecondFactor = secondFactors.isConfirmed(account.id());
        // Deletes a pending enrolment and the recovery codes too.
        secondFactors.delete(account.id());
        int deletedPasskeys = passkeys.deleteAllOf(account.id());
        int endedSessions = sessions.endAllOf(account.id());
        return new Outcome(password, hadSecondFactor, deletedPasskeys, endedSessions);
    }
}
