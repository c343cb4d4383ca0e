package vn.chibo.discussion.web;

import java.util.Locale;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.discussion.DiscussionPermissions;
import vn.chibo.discussion.InvalidOpinion;
import vn.chibo.discussion.Opinion;
import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.discussion.Opinions;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Posting, editing, withdrawing and marking opinions from the meeting page. With {@code HX-Request}
 * each answers with the opinions of the item it changed; without script it redirects to the meeting
 * page, or shows the form on a page of its own when the text was not accepted.
 */
@Controller
class OpinionController {

    private static final Logger log = LoggerFactory.getLogger(OpinionController.class);

    private final Meetings meetings;
    private final Opinions opinions;
    private final OpinionManagement management;
    private final DiscussionPermissions permissions;
    private final DiscussionSection section;
    private final MessageSource messages;

    OpinionController(Meetings meetings, Opinions opinions, OpinionManagement management,
            DiscussionPermissions permissions, DiscussionSection section, MessageSource messages) {
        this.meetings = meetings;
        this.opinions = opinions;
        this.management = management;
        this.permissions = permissions;
        this.section = section;
        this.messages = messages;
    }

    /**
     * Returns the opinion counts and lists of every agenda item of the meeting page, without the forms.
     * Live pages fetch it when the event stream reports that the meeting's opinions changed.
     */
    @GetMapping("/meetings/{meetingId}/opinions")
    String lists(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        model.addAttribute("meeting", meeting);
        model.addAttribute("view", section.view(actor, meeting));
        return "discussion/agenda :: lists";
    }

    @PostMapping("/meetings/{meetingId}/agenda/{itemId}/opinions")
    String post(Actor actor, @PathVariable long meetingId, @PathVariable long itemId,
            @ModelAttribute OpinionFormData form, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        AgendaItem item = itemOf(meeting, itemId);

        try {
            management.post(actor, meeting.id(), itemId, form.textOrEmpty());
        }
        catch (InvalidOpinion invalid) {
            log.info("Opinion on meeting {} item {} by account {} rejected: {}", meetingId, itemId,
                    actor.accountId(), invalid.messageKey());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            var draft = new AgendaDiscussion.Draft(itemId, form.textOrEmpty(), messageOf(invalid, locale));
            if (htmx != null) {
                return fragment(model, meeting, item, section.view(actor, meeting).withDraft(draft));
            }
            return formPage(model, meeting, item, null, draft.text(), draft.error());
        }

        if (htmx != null) {
            return fragment(model, meeting, item, section.view(actor, meeting).expanding(itemId));
        }
        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("discussion.flash.posted"));
        return "redirect:/meetings/" + meetingId + "#agenda-item-" + itemId;
    }

    @GetMapping("/opinions/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        Opinion opinion = opinions.visibleTo(actor, OpinionId.of(id));
        Meeting meeting = meetings.get(opinion.meetingId());
        if (!permissions.canChange(actor, meeting, opinion)) {
            throw ForbiddenException.notAllowed();
        }

        AgendaItem item = itemOf(meeting, opinion.agendaItemId());
        return formPage(model, meeting, item, opinion, opinion.body(), null);
    }

    @PostMapping("/opinions/{id}/edit")
    String edit(Actor actor, @PathVariable long id, @ModelAttribute OpinionFormData form, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Opinion opinion = opinions.visibleTo(actor, OpinionId.of(id));
        Meeting meeting = meetings.get(opinion.meetingId());

        try {
            management.edit(actor, opinion.id(), form.textOrEmpty());
        }
        catch (InvalidOpinion invalid) {
            log.info("Edit of opinion {} by account {} rejected: {}", id, actor.accountId(), invalid.messageKey());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            AgendaItem item = itemOf(meeting, opinion.agendaItemId());
            return formPage(model, meeting, item, opinion, form.textOrEmpty(), messageOf(invalid, locale));
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("discussion.flash.edited"));
        return "redirect:/meetings/" + meeting.id() + "#opinion-" + id;
    }

    @PostMapping("/opinions/{id}/withdraw")
    String withdraw(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        Opinion opinion = opinions.visibleTo(actor, OpinionId.of(id));

        management.withdraw(actor, opinion.id());

        return afterChange(actor, opinion, htmx, model, redirect, "discussion.flash.withdrawn");
    }

    @PostMapping("/opinions/{id}/spoken")
    String markSpoken(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        Opinion opinion = opinions.visibleTo(actor, OpinionId.of(id));

        management.markSpoken(actor, opinion.id(), true);

        return afterChange(actor, opinion, htmx, model, redirect, "discussion.flash.markedSpoken");
    }

    @PostMapping("/opinions/{id}/unspoken")
    String unmarkSpoken(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        Opinion opinion = opinions.visibleTo(actor, OpinionId.of(id));

        management.markSpoken(actor, opinion.id(), false);

        return afterChange(actor, opinion, htmx, model, redirect, "discussion.flash.unmarkedSpoken");
    }

    private String afterChange(Actor actor, Opinion opinion, @Nullable String htmx, Model model,
            RedirectAttributes redirect, String messageKey) {
        Meeting meeting = meetings.get(opinion.meetingId());
        if (htmx != null) {
            AgendaItem item = itemOf(meeting, opinion.agendaItemId());
            return fragment(model, meeting, item, section.view(actor, meeting).expanding(item.id()));
        }
        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage(messageKey));
        return "redirect:/meetings/" + meeting.id() + "#agenda-item-" + opinion.agendaItemId();
    }

    private String fragment(Model model, Meeting meeting, AgendaItem item, AgendaDiscussion view) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("item", item);
        model.addAttribute("view", view);
        return "discussion/agenda :: item";
    }

    /** Shows the form of a new opinion (without {@code opinion}) or of an edit on a page of its own. */
    private String formPage(Model model, Meeting meeting, AgendaItem item, @Nullable Opinion opinion, String text,
            @Nullable String error) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("item", item);
        model.addAttribute("opinion", opinion);
        model.addAttribute("text", text);
        model.addAttribute("error", error);
        return "discussion/form";
    }

    private String messageOf(InvalidOpinion invalid, Locale locale) {
        return messages.getMessage(invalid.messageKey(), invalid.messageArguments(), locale);
    }

    private static AgendaItem itemOf(Meeting meeting, long itemId) {
        return meeting.agenda().stream()
                .filter(item -> item.id() != null && item.id() == itemId)
                .findFirst()
                .orElseThrow(NotFoundException::hidden);
    }
}
