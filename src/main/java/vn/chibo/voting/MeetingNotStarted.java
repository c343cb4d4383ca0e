package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/**
 * A vote opened before the meeting's planned start. The message gives the start, formatted as
 * dd/MM/yyyy HH:mm in the application's zone, and tells to change the meeting's time if the
 * meeting was really held earlier.
 */
public class MeetingNotStarted extends ConflictException {

    MeetingNotStarted(String plannedStart) {
        super("voting.error.meetingNotStarted", plannedStart);
    }
}
