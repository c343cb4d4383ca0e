package vn.chibo.member.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.member.CellRole;
import vn.chibo.member.InvalidProfile;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberPermissions;
import vn.chibo.member.MemberProfiles;
import vn.chibo.member.Sex;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.NotFoundException;

/** A member's profile page with the status history, and the form that edits the profile. */
@Controller
class MemberProfileController {

    private final MemberPermissions permissions;
    private final MemberProfiles profiles;

    MemberProfileController(MemberPermissions permissions, MemberProfiles profiles) {
        this.permissions = permissions;
        this.profiles = profiles;
    }

    @GetMapping("/cells/{cellId}/members/{memberId}")
    String profile(Actor actor, @PathVariable long cellId, @PathVariable long memberId, Model model) {
        var cell = OrganizationId.of(cellId);
        permissions.requireViewRoster(actor, cell);

        model.addAttribute("profile", profiles.view(actor, cell, MemberId.of(memberId)));
        return "member/profile";
    }

    /** Opens the signed-in member's own profile, from the navigation. */
    @GetMapping("/members/me")
    String ownProfile(Actor actor) {
        Member own = profiles.own(actor).orElseThrow(NotFoundException::hidden);

        return "redirect:/cells/" + own.cellId().value() + "/members/" + own.id().value();
    }

    @GetMapping("/cells/{cellId}/members/{memberId}/edit")
    String editForm(Actor actor, @PathVariable long cellId, @PathVariable long memberId, Model model) {
        var cell = OrganizationId.of(cellId);
        permissions.requireManageRoster(actor, cell);

        Member member = profiles.forEditing(actor, cell, MemberId.of(memberId));
        return editPage(model, member, ProfileFormData.of(member), Map.of());
    }

    @PostMapping("/cells/{cellId}/members/{memberId}/edit")
    String edit(Actor actor, @PathVariable long cellId, @PathVariable long memberId,
            @ModelAttribute ProfileFormData form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var cell = OrganizationId.of(cellId);
        permissions.requireManageRoster(actor, cell);
        Member member = profiles.forEditing(actor, cell, MemberId.of(memberId));

        ProfileForms.Result checked = ProfileForms.check(form, member);
        if (checked.values() == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editPage(model, member, form, checked.errors());
        }

        List<RosterColumn> changed;
        try {
            changed = profiles.update(actor, cell, member.id(), checked.values());
        }
        catch (InvalidProfile rejected) {
            response.setStatus(rejected.status().value());
            return editPage(model, member, form,
                    Map.of(rejected.field(), new FlashMessage(rejected.messageKey(), rejected.messageArguments())));
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS,
                new FlashMessage(changed.isEmpty() ? "member.profile.unchanged" : "member.profile.updated"));
        return "redirect:/cells/" + cellId + "/members/" + memberId;
    }

    private static String editPage(Model model, Member member, ProfileFormData form,
            Map<String, FlashMessage> errors) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sexes", Arrays.asList(Sex.values()));
        model.addAttribute("cellRoles", Arrays.asList(CellRole.values()));
        return "member/profile-edit";
    }
}
