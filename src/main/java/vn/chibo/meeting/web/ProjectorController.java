package vn.chibo.meeting.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.Meetings;

/**
 * The projector view of a meeting, for a screen or TV in the room. It shows the current agenda item,
 * the attendance with the pass threshold, and the sections of other modules (speakers, vote progress
 * and results) in large type, without controls, and the event stream keeps it current. It shows only
 * what every member may see, but it is meant for the room's screen, so only the chair and those who
 * run the cell open it.
 */
@Controller
class ProjectorController {

    private final Meetings meetings;
    private final MeetingPermissions permissions;
    private final MeetingRoomViews views;

    ProjectorController(Meetings meetings, MeetingPermissions permissions, MeetingRoomViews views) {
        this.meetings = meetings;
        this.permissions = permissions;
        this.views = views;
    }

    @GetMapping("/meetings/{meetingId}/projector")
    String projector(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = requireProjector(actor, meetingId);

        views.addAttendance(model, actor, meeting);
        model.addAttribute("sections", views.sections(actor, meeting));
        return "meeting/projector";
    }

    @GetMapping("/meetings/{meetingId}/projector/parts/{part}")
    String part(Actor actor, @PathVariable long meetingId, @PathVariable String part, Model model) {
        Meeting meeting = requireProjector(actor, meetingId);
        MeetingRoomChanged.Part named = MeetingRoomViews.partNamed(part);

        views.addAttendance(model, actor, meeting);
        return switch (named) {
            case STATE -> "meeting/projector-parts :: state";
            case ATTENDANCE -> "meeting/projector-parts :: attendance";
            case AGENDA -> "meeting/projector-parts :: agenda";
            default -> {
                model.addAttribute("section", views.section(actor, meeting, named));
                yield "meeting/projector-parts :: roomSection";
            }
        };
    }

    private Meeting requireProjector(Actor actor, long meetingId) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireChair(actor, meeting);
        return meeting;
    }
}
