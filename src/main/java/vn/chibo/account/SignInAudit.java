package vn.chibo.account;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;

/** Audits completed sign-ins with the factors they used, each in a transaction of its own. */
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
        record(account, "account.signedIn", "factors=" + factors);
    }

    /** Records an API token issued after the given factors. */
    void tokenIssued(AccountId account, String factors) {
        record(account, "account.apiTokenIssued", "factors=" + factors);
    }

    private void record(AccountId account, String action, String detail) {
        transactions.executeWithoutResult(status -> audit.record(new AuditEntry(account.value(), null, action,
                "account", account.value(), detail)));
    }
}
