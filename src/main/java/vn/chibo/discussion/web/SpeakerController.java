package vn.chibo.discussion.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.discussion.SpeakerManagement;
import vn.chibo.discussion.SpeakerRequest;
import vn.chibo.discussion.SpeakerRequestId;
import vn.chibo.discussion.Speakers;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.NotFoundException;

/**
 * The speaker list of a meeting: its own page, and the forms of members and the chair. With
 * {@code HX-Request} each form returns the fragment {@code panel} of {@code discussion/speakers};
 * without script it redirects to the meeting page. A refused step shows its message as every other
 * form's does.
 */
@Controller
class SpeakerController {

    private final Meetings meetings;
    private final Speakers speakers;
    private final SpeakerManagement management;

    SpeakerController(Meetings meetings, Speakers speakers, SpeakerManagement management) {
        this.meetings = meetings;
        this.speakers = speakers;
        this.management = management;
    }

    /**
     * Shows the speaker list on a page of its own, or with {@code HX-Request} the fragment that live
     * pages swap: {@code queue} with {@code part=queue} (no text field), the meeting page's slot under
     * every agenda item with {@code part=slots}, else {@code panel}.
     */
    @GetMapping("/meetings/{meetingId}/speakers")
    String page(Actor actor, @PathVariable long meetingId, @RequestParam(required = false) @Nullable String part,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        model.addAttribute("meeting", meeting);
        model.addAttribute("view", speakers.panelFor(actor, meeting));
        if (htmx == null) {
            return "discussion/speaker-page";
        }
        return switch (part == null ? "" : part) {
            case "queue" -> "discussion/speakers :: queue";
            case "slots" -> "discussion/speakers :: slots";
            default -> "discussion/speakers :: panel";
        };
    }

    @PostMapping("/meetings/{meetingId}/agenda/{itemId}/speakers")
    String raise(Actor actor, @PathVariable long meetingId, @PathVariable long itemId,
            @ModelAttribute RaiseHandFormData form, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        SpeakerManagement.Raised raised = management.raise(actor, meeting.id(), itemId, form.kind(), form.subject());

        return answer(actor, meeting.id(), htmx, model, redirect,
                raised.created() ? "discussion.speakers.flash.raised" : "discussion.speakers.flash.alreadyRaised");
    }

    @PostMapping("/speaker-requests/{id}/lower")
    String lower(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        SpeakerRequest request = visible(actor, id);

        management.lower(actor, request.id());

        return answer(actor, request.meetingId(), htmx, model, redirect, "discussion.speakers.flash.lowered");
    }

    @PostMapping("/speaker-requests/{id}/up")
    String moveUp(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        SpeakerRequest request = visible(actor, id);

        management.moveUp(actor, request.id());

        return answer(actor, request.meetingId(), htmx, model, redirect, "discussion.speakers.flash.moved");
    }

    @PostMapping("/speaker-requests/{id}/down")
    String moveDown(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        SpeakerRequest request = visible(actor, id);

        management.moveDown(actor, request.id());

        return answer(actor, request.meetingId(), htmx, model, redirect, "discussion.speakers.flash.moved");
    }

    @PostMapping("/speaker-requests/{id}/position")
    String moveTo(Actor actor, @PathVariable long id, @ModelAttribute PositionFormData form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect) {
        SpeakerRequest request = visible(actor, id);

        management.moveTo(actor, request.id(), form.position());

        return answer(actor, request.meetingId(), htmx, model, redirect, "discussion.speakers.flash.moved");
    }

    @PostMapping("/speaker-requests/{id}/grant")
    String grant(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        SpeakerRequest request = visible(actor, id);

        management.grant(actor, request.id());

        return answer(actor, request.meetingId(), htmx, model, redirect, "discussion.speakers.flash.granted");
    }

    @PostMapping("/speaker-requests/{id}/end")
    String endTurn(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        SpeakerRequest request = visible(actor, id);

        management.endTurn(actor, request.id());

        return answer(actor, request.meetingId(), htmx, model, redirect, "discussion.speakers.flash.ended");
    }

    @PostMapping("/speaker-requests/{id}/decline")
    String decline(Actor actor, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        SpeakerRequest request = visible(actor, id);

        management.decline(actor, request.id());

        return answer(actor, request.meetingId(), htmx, model, redirect, "discussion.speakers.flash.declined");
    }

    @PostMapping("/meetings/{meetingId}/agenda/{itemId}/speaker-limit")
    String setTimeLimit(Actor actor, @PathVariable long meetingId, @PathVariable long itemId,
            @ModelAttribute TimeLimitFormData form, @RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx, Model model, RedirectAttributes redirect) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        Duration limit = form.minutes() == null ? null : Duration.ofMinutes(form.minutes());
        management.setTimeLimit(actor, meeting.id(), itemId, limit);

        return answer(actor, meeting.id(), htmx, model, redirect, "discussion.speakers.flash.limitSet");
    }

    /** Returns a request on a meeting the actor may see, failing with not-found otherwise. */
    private SpeakerRequest visible(Actor actor, long id) {
        SpeakerRequest request = speakers.find(SpeakerRequestId.of(id)).orElseThrow(NotFoundException::hidden);
        meetings.visibleTo(actor, request.meetingId());
        return request;
    }

    private String answer(Actor actor, MeetingId meetingId, @Nullable String htmx, Model model,
            RedirectAttributes redirect, String messageKey) {
        if (htmx != null) {
            Meeting meeting = meetings.get(meetingId);
            model.addAttribute("meeting", meeting);
            model.addAttribute("view", speakers.panelFor(actor, meeting));
            return "discussion/speakers :: panel";
        }
        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage(messageKey));
        return "redirect:/meetings/" + meetingId + "#speakers";
    }

    /** The place in the queue that the chair moves a request to, from 1. */
    record PositionFormData(@Nullable Integer position) {
    }

    /** The time per speaker on an agenda item, in whole minutes. */
    record TimeLimitFormData(@Nullable Integer minutes) {
    }
}
