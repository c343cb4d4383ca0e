package vn.chibo.member.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import vn.chibo.account.Actor;
import vn.chibo.member.MemberAccounts;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberPermissions;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.SignInAddress;

/**
 * The issue of sign-in accounts to a cell's members and of new initial passwords. The slips with
 * passwords are shown once, in the response to the request that made them. They are never stored,
 * put in a URL or kept in the session, and the response asks the browser not to keep the page.
 */
@Controller
class MemberAccountController {

    private final MemberPermissions permissions;
    private final MemberAccounts memberAccounts;
    private final SignInAddress signInAddress;

    MemberAccountController(MemberPermissions permissions, MemberAccounts memberAccounts,
            SignInAddress signInAddress) {
        this.permissions = permissions;
        this.memberAccounts = memberAccounts;
        this.signInAddress = signInAddress;
    }

    @GetMapping("/cells/{cellId}/members/accounts")
    String issueForm(Actor actor, @PathVariable long cellId, Model model) {
        var cell = OrganizationId.of(cellId);
        permissions.requireManageRoster(actor, cell);

        model.addAttribute("plan", memberAccounts.plan(actor, cell));
        return "member/accounts";
    }

    @PostMapping("/cells/{cellId}/members/accounts")
    String issue(Actor actor, @PathVariable long cellId, Model model, HttpServletResponse response) {
        var cell = OrganizationId.of(cellId);
        permissions.requireManageRoster(actor, cell);

        MemberAccounts.Issue issue = memberAccounts.issue(actor, cell);

        noStore(response);
        model.addAttribute("cell", issue.cell());
        model.addAttribute("slips", issue.slips());
        model.addAttribute("skipped", issue.skipped());
        model.addAttribute("signInAddress", signInAddress.current());
        return "member/slips";
    }

    @GetMapping("/cells/{cellId}/members/{memberId}/password")
    String resetForm(Actor actor, @PathVariable long cellId, @PathVariable long memberId, Model model) {
        var cell = OrganizationId.of(cellId);
        Organization organization = permissions.requireManageRoster(actor, cell);

        model.addAttribute("cell", organization);
        model.addAttribute("member", memberAccounts.member(actor, cell, MemberId.of(memberId)));
        model.addAttribute("hasAccount", memberAccounts.hasAccount(MemberId.of(memberId)));
        model.addAttribute("passkeyCount", memberAccounts.passkeyCount(MemberId.of(memberId)));
        return "member/password-reset";
    }

    @PostMapping("/cells/{cellId}/members/{memberId}/password")
    String reset(Actor actor, @PathVariable long cellId, @PathVariable long memberId, Model model,
            HttpServletResponse response) {
        var cell = OrganizationId.of(cellId);
        Organization organization = permissions.requireManageRoster(actor, cell);

        MemberAccounts.Slip slip = memberAccounts.resetPassword(actor, cell, MemberId.of(memberId));

        noStore(response);
        model.addAttribute("cell", organization);
        model.addAttribute("slips", List.of(slip));
        model.addAttribute("skipped", List.of());
        model.addAttribute("signInAddress", signInAddress.current());
        return "member/slips";
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }
}
