package vn.chibo.account;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;

/**
 * Records password sign-ins, from the form and from the API token endpoint, in the audit trail. A
 * failure names the account only when the typed user name matches one; the typed name itself is
 * never recorded, because it is usually a phone number or a mistyped name of someone else.
 */
@Component
class SignInAudit {

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    void succeeded(long accountId) {
        audit.record(new AuditEntry(accountId, null, "account.signedIn", "account", accountId, "method=PASSWORD"));
    }

    /**
     * Records a refused sign-in.
     *
     * @param accountId the account the typed user name matches, or null when it matches none
     * @param reason a code: {@code BAD_CREDENTIALS}, {@code BLOCKED} (this failure started a block) or
     *     {@code DISABLED}
     */
    @Transactional
    void failed(@Nullable Long accountId, String reason) {
        audit.record(new AuditEntry(null, null, "account.signInFailed", "account", accountId,
                "method=PASSWORD reason=" + reason));
    }
}
