package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/** A vote by show of hands or on a person, opened or counted at a meeting that is not in progress. */
public class MeetingNotInProgress extends ConflictException {

    MeetingNotInProgress() {
        super("voting.error.meetingNotInProgress");
    }
}
