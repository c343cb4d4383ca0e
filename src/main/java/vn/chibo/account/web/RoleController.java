package vn.chibo.account.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.account.AccountId;
import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.account.RoleGrants;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.InvalidInputException;

/** The page where those the rules allow grant and revoke the roles of an organization. */
@Controller
class RoleController {

    private final RoleGrants roleGrants;
    private final MessageSource messages;

    RoleController(RoleGrants roleGrants, MessageSource messages) {
        this.roleGrants = roleGrants;
        this.messages = messages;
    }

    @GetMapping("/organizations/{organizationId}/roles")
    String page(Actor actor, @PathVariable long organizationId,
            @RequestParam(name = "find", required = false) @Nullable String find, Model model) {
        model.addAttribute("page", roleGrants.page(actor, OrganizationId.of(organizationId), find));
        model.addAttribute("find", find == null ? "" : find);
        return "account/roles";
    }

    @PostMapping("/organizations/{organizationId}/roles/grant")
    String grant(Actor actor, @PathVariable long organizationId, @ModelAttribute RoleFormData form,
            Locale locale, RedirectAttributes redirect) {
        var organization = OrganizationId.of(organizationId);
        roleGrants.requireManage(actor, organization);

        form.requireComplete();

        boolean changed = roleGrants.grant(actor, organization, AccountId.of(form.accountId()), form.role());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage(
                changed ? "account.roles.granted" : "account.roles.alreadyHeld", roleName(form.role(), locale)));
        return redirectToPage(organizationId);
    }

    @PostMapping("/organizations/{organizationId}/roles/revoke")
    String revoke(Actor actor, @PathVariable long organizationId, @ModelAttribute RoleFormData form,
            Locale locale, RedirectAttributes redirect) {
        var organization = OrganizationId.of(organizationId);
        roleGrants.requireManage(actor, organization);

        form.requireComplete();

        boolean changed = roleGrants.revoke(actor, organization, AccountId.of(form.accountId()), form.role());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage(
                changed ? "account.roles.revoked" : "account.roles.notHeld", roleName(form.role(), locale)));
        return redirectToPage(organizationId);
    }

    private String roleName(Role role, Locale locale) {
        return messages.getMessage("role." + role.name(), null, locale);
    }

    private static String redirectToPage(long organizationId) {
        return "redirect:" + UriComponentsBuilder.fromPath("/organizations/{id}/roles").buildAndExpand(organizationId);
    }

    /** One grant or revocation: which account and which role. */
    record RoleFormData(@Nullable Long accountId, @Nullable Role role) {

        void requireComplete() {
            if (accountId == null || role == null) {
                throw new InvalidInputException("account.roles.error.missing");
            }
        }
    }
}
