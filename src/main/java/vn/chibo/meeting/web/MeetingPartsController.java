package vn.chibo.meeting.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.Meetings;

/**
 * The parts of a meeting page that live pages fetch again when the event stream names them: the status
 * with the chair's buttons, the attendance figures, the current agenda item, and the sections of other
 * modules (votes, speakers). Each response contains the region as the page draws it, under the same id.
 */
@Controller
class MeetingPartsController {

    private final Meetings meetings;
    private final MeetingRoomViews views;

    MeetingPartsController(Meetings meetings, MeetingRoomViews views) {
        this.meetings = meetings;
        this.views = views;
    }

    @GetMapping("/meetings/{meetingId}/parts/{part}")
    String part(Actor actor, @PathVariable long meetingId, @PathVariable String part, Model model) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        MeetingRoomChanged.Part named = MeetingRoomViews.partNamed(part);

        switch (named) {
            case STATE -> {
                views.addState(model, actor, meeting);
                return "meeting/live :: state";
            }
            case ATTENDANCE -> {
                views.addAttendance(model, actor, meeting);
                return "meeting/live :: attendance";
            }
            case AGENDA -> {
                views.addAgenda(model, actor, meeting);
                return "meeting/live :: agenda";
            }
            default -> {
                model.addAttribute("meeting", meeting);
                model.addAttribute("section", views.section(actor, meeting, named));
                return "meeting/live :: roomSection";
            }
        }
    }
}
