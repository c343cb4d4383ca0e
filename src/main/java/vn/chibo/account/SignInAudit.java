package vn.chibo.account;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;

/**
 * Records sign-ins in the audit trail, each in a transaction of its own: a completed sign-in with the
 * factors it used, an API token with the factors it was issued after, and a refused password or
 * passkey. A refusal names the account only when the typed user name or the passkey matches one; the
 * typed name itself is never recorded, because it is usually a phone number or a mistyped name of
 * someone else.
 */
@Component
public class SignInAudit {

    private final AuditLog audit;
    private final TransactionTemplate transactions;

    SignInAudit(AuditLog audit, TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Records a completed sign-in to the website.
     *
     * @param factors the factors passed, such as {@code PASSWORD} or {@code PASSWORD,TOTP}
     */
    public void signedIn(AccountId account, String factors) {
        record(account.value(), "account.signedIn", "factors=" + factors);
    }

    /** Records an API token issued after the given factors. */
    void tokenIssued(AccountId account, String factors) {
        record(account.value(), "account.apiTokenIssued", "factors=" + factors);
    }

    /**
     * Records a refused password.
     *
     * @param accountId the account the typed user name matches, or null when it matches none
     * @param reason a code: {@code BAD_CREDENTIALS}, {@code BLOCKED} (this failure started a block) or
     *     {@code DISABLED}
     */
    void failed(@Nullable Long accountId, String reason) {
        recordFailure(accountId, "PASSWORD", reason);
    }

    /**
     * Records a refused passkey. The credential id is never recorded: it is a stable identifier of the
     * person's device.
     *
     * @param accountId the account of the passkey the assertion named, or null when no stored passkey has its id
     * @param reason a code: {@code BAD_CREDENTIALS} (the assertion failed verification), {@code UNKNOWN_PASSKEY}
     *     (no stored passkey has its id), {@code BLOCKED} (this failure started a block) or {@code DISABLED}
     */
    void passkeyFailed(@Nullable Long accountId, String reason) {
        recordFailure(accountId, "PASSKEY", reason);
    }

    private void recordFailure(@Nullable Long accountId, String method, String reason) {
        transactions.executeWithoutResult(status -> audit.record(new AuditEntry(null, null, "account.signInFailed",
                "account", accountId, "method=" + method + " reason=" + reason)));
    }

    private void record(long accountId, String action, String detail) {
        transactions.executeWithoutResult(status -> audit.record(new AuditEntry(accountId, null, action, "account",
                accountId, detail)));
    }
}
