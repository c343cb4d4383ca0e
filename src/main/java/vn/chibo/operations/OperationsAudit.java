package vn.chibo.operations;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.audit.ChainVerification;

/** Records the administrators' operations on the audit page (chain checks, backups) in the audit trail. */
@Component
public class OperationsAudit {

    private final AuditLog audit;

    OperationsAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public void chainVerified(Actor actor, ChainVerification result) {
        audit.record(new AuditEntry(actor.accountId().value(), null, "audit.chainVerified", "audit_chain",
                result.headSequenceNumber(), "intact=" + result.intact() + (result.intact() ? ""
                        : " firstBad=" + result.firstBadSequenceNumber() + " problem=" + result.problem())));
    }

    @Transactional
    public void backupCreated(Actor actor, BackupManifest manifest) {
        audit.record(new AuditEntry(actor.accountId().value(), null, "operations.backupCreated", "backup", null,
                "entries=" + manifest.entries().size() + " schema=" + manifest.schemaVersion()));
    }
}
