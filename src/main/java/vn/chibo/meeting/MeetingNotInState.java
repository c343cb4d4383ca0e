package vn.chibo.meeting;

import vn.chibo.system.ConflictException;

/** A step that the meeting's current status does not allow, such as publishing a closed meeting. */
public class MeetingNotInState extends ConflictException {

    MeetingNotInState(MeetingStatus expected, MeetingStatus actual) {
        super("meeting.error.state", "meeting.status." + expected, "meeting.status." + actual);
    }
}
