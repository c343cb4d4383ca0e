package vn.chibo.account.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.account.OrganizationPermissions;
import vn.chibo.account.RoleGrants;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationChanges;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ConflictException;
import vn.chibo.system.DomainException;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.Option;

/**
 * The organization tree for those who manage it: the tree page, and a page per organization with
 * the forms that create under it, rename, move and archive it. Plain forms, so they work without
 * JavaScript. A rule that a change breaks (a cycle, a kind in the wrong place) comes back as a
 * message on the organization's page.
 */
@Controller
class OrganizationController {

    private static final Logger log = LoggerFactory.getLogger(OrganizationController.class);

    private final Organizations organizations;
    private final OrganizationChanges changes;
    private final OrganizationPermissions permissions;
    private final OrganizationTreeView treeView;
    private final CellAccess cellAccess;
    private final RoleGrants roleGrants;

    OrganizationController(Organizations organizations, OrganizationChanges changes,
            OrganizationPermissions permissions, OrganizationTreeView treeView, CellAccess cellAccess,
            RoleGrants roleGrants) {
        this.organizations = organizations;
        this.changes = changes;
        this.permissions = permissions;
        this.treeView = treeView;
        this.cellAccess = cellAccess;
        this.roleGrants = roleGrants;
    }

    @GetMapping("/organizations")
    String tree(Actor actor, Model model) {
        permissions.requireOpenTree(actor);

        model.addAttribute("trees", treeView.managedTrees(actor));
        model.addAttribute("canCreateAtTop", permissions.canCreateAtTop(actor));
        return "organization/tree";
    }

    @GetMapping("/organizations/{organizationId}")
    String organization(Actor actor, @PathVariable long organizationId, Locale locale, Model model) {
        OrganizationId id = OrganizationId.of(organizationId);
        permissions.requireView(actor, id);
        boolean canChange = permissions.canChange(actor, id);
        boolean canCreateUnder = permissions.canCreateUnder(actor, id);
        if (!canChange && !canCreateUnder) {
            throw ForbiddenException.notAllowed();
        }

        Organization organization = organizations.get(id);
        model.addAttribute("organization", organization);
        model.addAttribute("chain", organizations.chainDown(id));
        model.addAttribute("children", organizations.children(id));
        model.addAttribute("canChange", canChange && !organization.isArchived());
        model.addAttribute("canOpenCell", organization.isCell() && cellAccess.canView(actor, id));
        model.addAttribute("canManageRoles", roleGrants.canManage(actor, id));
        model.addAttribute("kindOptions", canCreateUnder && !organization.isArchived()
                ? treeView.kindOptions(organization, locale) : List.of());
        model.addAttribute("targetOptions", canChange && !organization.isArchived()
                ? treeView.moveTargets(actor, organization).stream()
                        .map(target -> new Option(target.id().toString(), target.name())).toList()
                : List.of());
        return "organization/organization";
    }

    @PostMapping("/organizations")
    String createAtTop(Actor actor, @ModelAttribute NewOrganizationFormData form, RedirectAttributes redirect) {
        permissions.requireCreateAtTop(actor);

        form.requireKind();

        return applyRule(redirect, "/organizations", () -> {
            Organization created = changes.create(actor.accountId().value(), null, form.kind(), form.name(),
                    form.locality());
            redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("organization.flash.created",
                    created.name()));
            return "/organizations/" + created.id();
        });
    }

    @PostMapping("/organizations/{organizationId}/children")
    String createUnder(Actor actor, @PathVariable long organizationId, @ModelAttribute NewOrganizationFormData form,
            RedirectAttributes redirect) {
        OrganizationId parent = OrganizationId.of(organizationId);
        permissions.requireCreateUnder(actor, parent);

        form.requireKind();

        return applyRule(redirect, "/organizations/" + parent, () -> {
            Organization created = changes.create(actor.accountId().value(), parent, form.kind(), form.name(),
                    form.locality());
            redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("organization.flash.created",
                    created.name()));
            return "/organizations/" + parent;
        });
    }

    @PostMapping("/organizations/{organizationId}/rename")
    String rename(Actor actor, @PathVariable long organizationId, @ModelAttribute RenameFormData form,
            RedirectAttributes redirect) {
        OrganizationId id = OrganizationId.of(organizationId);
        permissions.requireChange(actor, id);

        return applyRule(redirect, "/organizations/" + id, () -> {
            boolean changed = changes.rename(actor.accountId().value(), id, form.name(), form.locality());
            redirect.addFlashAttribute(FlashMessage.SUCCESS,
                    new FlashMessage(changed ? "organization.flash.renamed" : "organization.flash.unchanged"));
            return "/organizations/" + id;
        });
    }

    @PostMapping("/organizations/{organizationId}/move")
    String move(Actor actor, @PathVariable long organizationId, @ModelAttribute MoveFormData form,
            RedirectAttributes redirect) {
        OrganizationId id = OrganizationId.of(organizationId);
        permissions.requireChange(actor, id);

        OrganizationId target = form.requireTarget();
        permissions.requireMove(actor, id, target);

        return applyRule(redirect, "/organizations/" + id, () -> {
            boolean moved = changes.move(actor.accountId().value(), id, target);
            redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage(
                    moved ? "organization.flash.moved" : "organization.flash.unchanged",
                    organizations.get(target).name()));
            return "/organizations/" + id;
        });
    }

    @PostMapping("/organizations/{organizationId}/archive")
    String archive(Actor actor, @PathVariable long organizationId, RedirectAttributes redirect) {
        OrganizationId id = OrganizationId.of(organizationId);
        permissions.requireChange(actor, id);

        return applyRule(redirect, "/organizations/" + id, () -> {
            changes.archive(actor.accountId().value(), id);
            Organization archived = organizations.get(id);
            redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("organization.flash.archived",
                    archived.name()));
            return archived.parentId() == null ? "/organizations" : "/organizations/" + archived.parentId();
        });
    }

    /**
     * Runs the change and redirects to the path it returns; when the change breaks a rule of the tree,
     * redirects to {@code failurePath} with the rule's message instead.
     */
    private static String applyRule(RedirectAttributes redirect, String failurePath, Supplier<String> change) {
        try {
            return "redirect:" + change.get();
        }
        catch (InvalidInputException | ConflictException failure) {
            log.info("A change to the organization tree was rejected: {}", failure.messageKey());
            redirect.addFlashAttribute(FlashMessage.ERROR, new FlashMessage(failure.messageKey(),
                    serializable(failure)));
            return "redirect:" + failurePath;
        }
    }

    /** Returns the message arguments as strings, because flash messages are stored in the session. */
    private static Object[] serializable(DomainException failure) {
        Object[] arguments = failure.messageArguments();
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return texts;
    }

    /** A new organization: its kind, name and the locality printed in its documents' headers. */
    record NewOrganizationFormData(@Nullable OrganizationKind kind, @Nullable String name, @Nullable String locality) {

        void requireKind() {
            if (kind == null) {
                throw new InvalidInputException("organization.error.kindMissing");
            }
        }
    }

    record RenameFormData(@Nullable String name, @Nullable String locality) {
    }

    /** The organization to move under. */
    record MoveFormData(@Nullable Long targetId) {

        OrganizationId requireTarget() {
            if (targetId == null) {
                throw new InvalidInputException("organization.error.targetMissing");
            }
            return OrganizationId.of(targetId);
        }
    }
}
