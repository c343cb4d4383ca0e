package vn.chibo.operations.web;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditChain;
import vn.chibo.audit.AuditFilter;
import vn.chibo.audit.AuditLog;
import vn.chibo.audit.ChainVerification;
import vn.chibo.operations.BackupManifest;
import vn.chibo.operations.Backups;
import vn.chibo.operations.OperationsAudit;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;

/**
 * The audit page of system administrators: the latest audit entries with filters, a check of the
 * whole hash chain, and a backup on request. Only SYSTEM_ADMIN may open it, because the chain and
 * the sign-in entries belong to no organization and cannot be split by subtree.
 */
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final AuditChain chain;
    private final Backups backups;
    private final OperationsAudit operationsAudit;

    AuditPageController(AuditLog audit, AuditChain chain, Backups backups, OperationsAudit operationsAudit) {
        this.audit = audit;
        this.chain = chain;
        this.backups = backups;
        this.operationsAudit = operationsAudit;
    }

    @GetMapping("/admin/audit")
    String page(Actor actor, @RequestParam(required = false) @Nullable String action,
            @RequestParam(name = "account", required = false) @Nullable Long account,
            @RequestParam(required = false) @Nullable Long organization,
            @RequestParam(required = false) @Nullable String targetType,
            @RequestParam(required = false) @Nullable Long targetId, @RequestParam(required = false) @Nullable Long before,
            Model model) {
        requireAdministrator(actor);

        var filter = new AuditFilter(code(action, 60), account, organization, code(targetType, 40), targetId, before);

        var entries = audit.recent(filter, PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", entries);
        model.addAttribute("olderThan", entries.size() == PAGE_SIZE ? entries.getLast().id() : null);
        return "operations/audit";
    }

    @PostMapping("/admin/audit/verification")
    String verify(Actor actor, RedirectAttributes redirect) {
        requireAdministrator(actor);

        ChainVerification result = chain.verify();
        operationsAudit.chainVerified(actor, result);

        redirect.addFlashAttribute("verification", result);
        return "redirect:/admin/audit";
    }

    @PostMapping("/admin/backups")
    String backUp(Actor actor, RedirectAttributes redirect) throws IOException, SQLException {
        requireAdministrator(actor);

        Path archive = backups.archiveInFolder();
        BackupManifest manifest = backups.create(archive);
        operationsAudit.backupCreated(actor, manifest);

        redirect.addFlashAttribute(FlashMessage.SUCCESS,
                new FlashMessage("operations.backup.created", archive.getFileName().toString()));
        return "redirect:/admin/audit";
    }

    private static void requireAdministrator(Actor actor) {
        if (!actor.isAdministrator()) {
            throw ForbiddenException.notAllowed();
        }
    }

    /** Returns a filter code, or null for a blank one. A code contains only letters, digits, dots and underscores. */
    private static @Nullable String code(@Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (code.length() > maxLength || !code.matches("[A-Za-z0-9._]+")) {
            throw new InvalidInputException("operations.audit.error.invalidCode", maxLength);
        }
        return code;
    }
}
