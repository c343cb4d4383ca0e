package vn.chibo.meeting.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.meeting.AgendaItemInUse;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.web.MeetingFormData.AgendaEdit;
import vn.chibo.meeting.web.MeetingFormData.AgendaItemFormData;
import vn.chibo.member.Member;
import vn.chibo.member.Members;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.NotFoundException;

/**
 * The form that schedules a meeting and later edits it. The agenda's add, remove and move buttons
 * submit the whole form and come back with the changed agenda, so that it works without script.
 */
@Controller
class MeetingFormController {

    private static final Logger log = LoggerFactory.getLogger(MeetingFormController.class);

    private final MeetingManagement management;
    private final Meetings meetings;
    private final MeetingPermissions permissions;
    private final Members members;
    private final CellAccess cellAccess;
    private final Organizations organizations;
    private final MeetingForms forms;
    private final MessageSource messages;

    MeetingFormController(MeetingManagement management, Meetings meetings, MeetingPermissions permissions,
            Members members, CellAccess cellAccess, Organizations organizations, MeetingForms forms,
            MessageSource messages) {
        this.management = management;
        this.meetings = meetings;
        this.permissions = permissions;
        this.members = members;
        this.cellAccess = cellAccess;
        this.organizations = organizations;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/cells/{cellId}/meetings/new")
    String newForm(Actor actor, @PathVariable long cellId, Model model, Locale locale) {
        Organization cell = requireRunnableCell(actor, cellId);
        List<Member> roster = members.ofCell(cell.id());

        MeetingFormData form = forms.blank(roster, meetings.ofCell(cell.id()).stream().findFirst(), locale);
        return render(model, cell, null, form, Map.of(), roster, locale);
    }

    @PostMapping("/cells/{cellId}/meetings")
    String create(Actor actor, @PathVariable long cellId, @ModelAttribute MeetingFormData form,
            @RequestParam(required = false) @Nullable String action, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        Organization cell = requireRunnableCell(actor, cellId);
        List<Member> roster = members.ofCell(cell.id());

        AgendaEdit edit = AgendaEdit.parse(action);
        if (edit != null) {
            return render(model, cell, null, form.withAgendaEdit(edit), Map.of(), roster, locale);
        }
        MeetingFormData cleaned = form.withoutBlankItems();
        MeetingForms.Checked checked = forms.check(cleaned, roster, management.requiresOnlineLink());
        if (checked.details() == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, cell, null, withOneItemAtLeast(cleaned), forms.errorTexts(checked.problems(), locale),
                    roster, locale);
        }

        MeetingId id = management.schedule(actor, cell.id(), checked.details());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.flash.scheduled"));
        return "redirect:/meetings/" + id;
    }

    @GetMapping("/meetings/{meetingId}/edit")
    String editForm(Actor actor, @PathVariable long meetingId, Model model, Locale locale) {
        Meeting meeting = requireEditable(actor, meetingId);
        Organization cell = organizations.get(meeting.cellId());

        return render(model, cell, meeting, forms.of(meeting), Map.of(), members.ofCell(cell.id()), locale);
    }

    @PostMapping("/meetings/{meetingId}/edit")
    String update(Actor actor, @PathVariable long meetingId, @ModelAttribute MeetingFormData form,
            @RequestParam(required = false) @Nullable String action, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        Meeting meeting = requireEditable(actor, meetingId);
        Organization cell = organizations.get(meeting.cellId());
        List<Member> roster = members.ofCell(cell.id());

        AgendaEdit edit = AgendaEdit.parse(action);
        if (edit != null) {
            return render(model, cell, meeting, form.withAgendaEdit(edit), Map.of(), roster, locale);
        }
        MeetingFormData cleaned = form.withoutBlankItems();
        MeetingForms.Checked checked = forms.check(cleaned, roster, management.requiresOnlineLink());
        if (checked.details() == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, cell, meeting, withOneItemAtLeast(cleaned),
                    forms.errorTexts(checked.problems(), locale), roster, locale);
        }

        try {
            management.revise(actor, meeting.id(), checked.details());
        }
        catch (AgendaItemInUse inUse) {
            log.info("Revision of meeting {} by account {} rejected: {}", meeting.id(), actor.accountId(),
                    inUse.messageKey());
            response.setStatus(inUse.status().value());
            return render(model, cell, meeting, cleaned, Map.of("agenda", messages.getMessage(inUse.messageKey(),
                    inUse.messageArguments(), locale)), roster, locale);
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.flash.revised"));
        return "redirect:/meetings/" + meeting.id();
    }

    private Organization requireRunnableCell(Actor actor, long cellId) {
        OrganizationId id = OrganizationId.of(cellId);
        cellAccess.requireRun(actor, id);
        Organization cell = organizations.get(id);
        if (!cell.isCell()) {
            throw NotFoundException.hidden();
        }
        return cell;
    }

    private Meeting requireEditable(Actor actor, long meetingId) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireManage(actor, meeting);
        meeting.requireNotClosed();
        return meeting;
    }

    private static MeetingFormData withOneItemAtLeast(MeetingFormData form) {
        return form.agenda().isEmpty() ? form.withAgenda(List.of(new AgendaItemFormData("", ""))) : form;
    }

    private String render(Model model, Organization cell, @Nullable Meeting meeting, MeetingFormData form,
            Map<String, String> errors, List<Member> roster, Locale locale) {
        model.addAttribute("cell", cell);
        model.addAttribute("meeting", meeting);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kindOptions", forms.kindOptions(locale));
        model.addAttribute("modeOptions", forms.modeOptions(locale));
        // Members who are exempt, active elsewhere or suspended do not run meetings, unless the form
        // already names one of them (an older meeting), which must stay visible to be changed.
        List<Member> candidates = roster.stream()
                .filter(member -> member.isExpectedAtMeetings() || member.id().toString().equals(form.chair())
                        || member.id().toString().equals(form.minuteTaker()))
                .toList();
        model.addAttribute("memberOptions", forms.memberOptions(candidates, locale));
        model.addAttribute("usualTitles", forms.usualTitles(locale));
        model.addAttribute("lengthRule", management.lengthRule());
        model.addAttribute("onlineLinkRequired", management.requiresOnlineLink());
        model.addAttribute("formAction", meeting == null ? "/cells/" + cell.id() + "/meetings"
                : "/meetings/" + meeting.id() + "/edit");
        return "meeting/form";
    }
}
