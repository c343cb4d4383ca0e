package vn.chibo.discussion.web;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.discussion.SpeakerPanel;
import vn.chibo.discussion.Speakers;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.MeetingRoomSection;

/**
 * The speaker list on the room's screen. The meeting page shows the list under the agenda item under
 * discussion instead (SpeakerSection), and its queue there refreshes itself.
 */
@Component
class SpeakerRoomSection implements MeetingRoomSection {

    private final Speakers speakers;

    SpeakerRoomSection(Speakers speakers) {
        this.speakers = speakers;
    }

    @Override
    public MeetingRoomChanged.Part part() {
        return MeetingRoomChanged.Part.SPEAKERS;
    }

    @Override
    public String template() {
        return "discussion/speaker-room";
    }

    @Override
    public SpeakerPanel view(Actor actor, Meeting meeting) {
        return speakers.screenPanelOf(meeting);
    }

    @Override
    public boolean onMeetingPage() {
        return false;
    }
}
