package vn.chibo.meeting;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.chibo.system.ConflictException;

/** A step that the meeting's current status does not allow, such as publishing a closed meeting. */
public class MeetingNotInState extends ConflictException {

    MeetingNotInState(MeetingStatus expected, MeetingStatus actual) {
        // The statuses are resolvable, so that the message names them in the reader's language.
        super("meeting.error.state", statusName(expected), statusName(actual));
    }

    private static DefaultMessageSourceResolvable statusName(MeetingStatus status) {
        return new DefaultMessageSourceResolvable("meeting.status." + status);
    }
}
