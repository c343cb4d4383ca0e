package vn.chibo.meeting.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.meeting.InvalidMeeting;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.MeetingWarning;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.ConflictException;
import vn.chibo.system.FlashMessage;

/**
 * The steps of a meeting's life cycle, each an endpoint of its own: publish a draft, start a
 * published meeting, close a meeting in progress, and cancel a draft or published one with a reason.
 */
@Controller
class MeetingStatusController {

    private final Meetings meetings;
    private final MeetingManagement management;
    private final MeetingPermissions permissions;
    private final AttendanceViews attendanceViews;
    private final MessageSource messages;
    private final Clock clock;

    MeetingStatusController(Meetings meetings, MeetingManagement management, MeetingPermissions permissions,
            AttendanceViews attendanceViews, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.meetings = meetings;
        this.management = management;
        this.permissions = permissions;
        this.attendanceViews = attendanceViews;
        this.messages = messages;
    }

    @PostMapping("/meetings/{meetingId}/publish")
    String publish(Actor actor, @PathVariable long meetingId, RedirectAttributes redirect) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireManage(actor, meeting);

        List<MeetingWarning> warnings = management.publish(actor, meeting.id());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.flash.published"));
        redirect.addFlashAttribute("publishWarnings", warnings.stream().map(MeetingWarning::messageKey).toList());
        return "redirect:/meetings/" + meeting.id();
    }

    @PostMapping("/meetings/{meetingId}/start")
    String start(Actor actor, @PathVariable long meetingId, RedirectAttributes redirect) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireChair(actor, meeting);

        management.start(actor, meeting.id());

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.flash.started"));
        return "redirect:/meetings/" + meeting.id();
    }

    @PostMapping("/meetings/{meetingId}/agenda/{itemId}/discuss")
    String discuss(Actor actor, @PathVariable long meetingId, @PathVariable long itemId, RedirectAttributes redirect) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireChair(actor, meeting);

        management.discuss(actor, meeting.id(), itemId);

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.flash.agendaItemDiscussed"));
        return "redirect:/meetings/" + meeting.id() + "#agenda-item-" + itemId;
    }

    /**
     * Asks the chair to confirm, naming how many members the roll has not marked yet and warning when
     * the meeting has lasted less than its minimum length so far.
     */
    @GetMapping("/meetings/{meetingId}/close")
    String confirmClose(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireChair(actor, meeting);
        if (!meeting.isInProgress()) {
            throw new ConflictException("meeting.error.notOpenForClosing");
        }

        model.addAttribute("meeting", meeting);
        model.addAttribute("panel", attendanceViews.panel(meeting));
        Duration elapsed = Duration.between(meeting.startedAt(), clock.instant());
        boolean tooShort = management.lengthRule().isShort(elapsed, meeting.isCombinedSession());
        model.addAttribute("elapsedMinutes", elapsed.toMinutes());
        model.addAttribute("shortMinutes", tooShort ? management.lengthRule().minimumMinutes(meeting) : null);
        return "meeting/close";
    }

    @PostMapping("/meetings/{meetingId}/close")
    String close(Actor actor, @PathVariable long meetingId, RedirectAttributes redirect) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireChair(actor, meeting);
        int unmarked = meetings.tally(meeting.id()).notRecorded().size();

        management.close(actor, meeting.id());

        // "0 members were recorded as absent" reads as a warning where there is nothing to report.
        FlashMessage closed = unmarked == 0 ? new FlashMessage("meeting.flash.closedAllMarked")
                : new FlashMessage("meeting.flash.closed", unmarked);
        redirect.addFlashAttribute(FlashMessage.SUCCESS, closed);
        return "redirect:/meetings/" + meeting.id();
    }

    /** Shows the form that asks for the reason of a cancellation. */
    @GetMapping("/meetings/{meetingId}/cancel")
    String cancelForm(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireManage(actor, meeting);
        meeting.requireStatus(MeetingStatus.DRAFT, MeetingStatus.PUBLISHED);

        return renderCancel(model, meeting, "", null);
    }

    @PostMapping("/meetings/{meetingId}/cancel")
    String cancel(Actor actor, @PathVariable long meetingId, @RequestParam(required = false) @Nullable String reason,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireManage(actor, meeting);

        try {
            management.cancel(actor, meeting.id(), reason);
        }
        catch (InvalidMeeting invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String error = messages.getMessage(invalid.messageKey(), invalid.messageArguments(), locale);
            return renderCancel(model, meeting, reason == null ? "" : reason, error);
        }

        redirect.addFlashAttribute(FlashMessage.SUCCESS, new FlashMessage("meeting.flash.cancelled"));
        return "redirect:/meetings/" + meeting.id();
    }

    private static String renderCancel(Model model, Meeting meeting, String reason, @Nullable String error) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("reason", reason);
        model.addAttribute("error", error);
        model.addAttribute("reasonMaxLength", MeetingManagement.REASON_MAX_LENGTH);
        return "meeting/cancel";
    }
}
