package vn.chibo.member.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberPermissions;
import vn.chibo.member.Members;
import vn.chibo.member.ProfileCorrection;
import vn.chibo.member.ProfileCorrections;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.DomainException;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.NotFoundException;

/**
 * Profile corrections on request: the member's page with the request form and the history of their
 * requests, the cell's pending requests, and the secretary's approval or rejection.
 */
@Controller
class ProfileCorrectionController {

    private final ProfileCorrections corrections;
    private final Members members;
    private final MemberPermissions permissions;

    ProfileCorrectionController(ProfileCorrections corrections, Members members, MemberPermissions permissions) {
        this.corrections = corrections;
        this.members = members;
        this.permissions = permissions;
    }

    @GetMapping("/members/{memberId}/corrections")
    String page(Actor actor, @PathVariable long memberId, Model model) {
        List<ProfileCorrection> history = corrections.of(actor, MemberId.of(memberId));

        return page(actor, memberId, history, new CorrectionFormData(null, null, null), Map.of(), model);
    }

    @PostMapping("/members/{memberId}/corrections")
    String request(Actor actor, @PathVariable long memberId, CorrectionFormData form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (actor.memberId() == null || actor.memberId() != memberId) {
            throw NotFoundException.hidden();
        }
        Member member = members.get(MemberId.of(memberId));

        Map<String, FlashMessage> errors = form.check(member);
        if (errors.isEmpty()) {
            try {
                corrections.request(actor, form.column(), form.valueOrEmpty(), form.reasonOrEmpty());
            }
            catch (DomainException rejected) {
                errors = Map.of("reason", new FlashMessage(rejected.messageKey(), rejected.messageArguments()));
                response.setStatus(rejected.status().value());
            }
        }
        else {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        if (!errors.isEmpty()) {
            return page(actor, memberId, corrections.of(actor, member.id()), form, errors, model);
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("member.correction.requested"));
        return "redirect:/members/" + memberId + "/corrections";
    }

    @GetMapping("/cells/{cellId}/corrections")
    String pending(Actor actor, @PathVariable long cellId, Model model) {
        var cell = OrganizationId.of(cellId);
        model.addAttribute("cell", permissions.requireManageRoster(actor, cell));

        List<ProfileCorrection> pending = corrections.pendingOfCell(actor, cell);
        model.addAttribute("pending", pending);
        Map<Long, String> names = new HashMap<>();
        members.byIds(pending.stream().map(ProfileCorrection::memberId).toList())
                .forEach(member -> names.put(member.id().value(), member.fullName()));
        model.addAttribute("names", names);
        return "member/cell-corrections";
    }

    @PostMapping("/corrections/{id}/approve")
    String approve(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        ProfileCorrection correction = corrections.forDecision(actor, id);
        Member member = members.get(correction.memberId());

        ProfileForms.Result checked = ProfileForms.check(
                ProfileFormData.of(member).with(correction.field(), correction.requestedValue()), member);
        FlashMessage error = checked.errors().get(ProfileFormData.propertyOf(correction.field()));
        if (checked.values() == null) {
            redirect.addFlashAttribute(FlashMessage.ERROR,
                    error != null ? error : new FlashMessage("member.correction.error.profileInvalid"));
            return "redirect:/members/" + member.id().value() + "/corrections";
        }
        try {
            corrections.approve(actor, id, checked.values());
        }
        catch (DomainException rejected) {
            redirect.addFlashAttribute(FlashMessage.ERROR,
                    new FlashMessage(rejected.messageKey(), rejected.messageArguments()));
            return "redirect:/members/" + member.id().value() + "/corrections";
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("member.correction.approved"));
        return "redirect:/members/" + member.id().value() + "/corrections";
    }

    @PostMapping("/corrections/{id}/reject")
    String reject(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        ProfileCorrection correction = corrections.forDecision(actor, id);

        try {
            corrections.reject(actor, id, reason);
        }
        catch (DomainException rejected) {
            redirect.addFlashAttribute(FlashMessage.ERROR,
                    new FlashMessage(rejected.messageKey(), rejected.messageArguments()));
            return "redirect:/members/" + correction.memberId().value() + "/corrections";
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("member.correction.rejected"));
        return "redirect:/members/" + correction.memberId().value() + "/corrections";
    }

    private String page(Actor actor, long memberId, List<ProfileCorrection> history, CorrectionFormData form,
            Map<String, FlashMessage> errors, Model model) {
        Member member = members.get(MemberId.of(memberId));
        model.addAttribute("member", member);
        model.addAttribute("history", history);
        model.addAttribute("self", actor.memberId() != null && actor.memberId() == memberId);
        model.addAttribute("canDecide", permissions.canEditProfile(actor, member));
        model.addAttribute("fields", ProfileCorrections.CORRECTABLE);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "member/corrections";
    }

    /** The request form: the field to correct, the new value as the profile form takes it, and why. */
    record CorrectionFormData(@Nullable String field, @Nullable String value, @Nullable String reason) {

        RosterColumn column() {
            return RosterColumn.valueOf(field);
        }

        String valueOrEmpty() {
            return value == null ? "" : value.strip();
        }

        String reasonOrEmpty() {
            return reason == null ? "" : reason.strip();
        }

        /** Returns the problems by form field: an unknown field, or a value the profile form would reject. */
        Map<String, FlashMessage> check(Member member) {
            RosterColumn column = ProfileCorrections.CORRECTABLE.stream()
                    .filter(candidate -> candidate.name().equals(field))
                    .findFirst()
                    .orElse(null);
            if (column == null) {
                return Map.of("field", new FlashMessage("member.correction.error.field"));
            }
            if (reasonOrEmpty().isEmpty()) {
                return Map.of("reason", new FlashMessage("member.correction.error.reasonMissing"));
            }
            ProfileForms.Result checked = ProfileForms.check(ProfileFormData.of(member).with(column, valueOrEmpty()),
                    member);
            FlashMessage problem = checked.errors().get(ProfileFormData.propertyOf(column));
            return problem == null ? Map.of() : Map.of("value", problem);
        }
    }
}
