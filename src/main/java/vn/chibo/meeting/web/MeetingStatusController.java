package vn.chibo.meeting.web;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingWarning;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.ConflictException;
import vn.chibo.system.FlashMessage;

/** Publishing a draft and closing a meeting, each a step of its own. */
@Controller
class MeetingStatusController {

    private final Meetings meetings;
    private final MeetingManagement management;
    private final MeetingPermissions permissions;
    private final AttendanceViews attendanceViews;
    private final Clock clock;

    MeetingStatusController(Meetings meetings, MeetingManagement management, MeetingPermissions permissions,
            AttendanceViews attendanceViews, Clock clock) {
        this.meetings = meetings;
        this.management = management;
        this.permissions = permissions;
        this.attendanceViews = attendanceViews;
        this.clock = clock;
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

    /** Asks the chair to confirm, naming how many members the roll has not marked yet. */
    @GetMapping("/meetings/{meetingId}/close")
    String confirmClose(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireChair(actor, meeting);
        if (!meeting.isPublished() && !meeting.isInProgress()) {
            throw new ConflictException("meeting.error.notOpenForClosing");
        }

        model.addAttribute("meeting", meeting);
        model.addAttribute("panel", attendanceViews.panel(meeting));
        model.addAttribute("notStarted", clock.instant().isBefore(meeting.startsAt()));
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
}
