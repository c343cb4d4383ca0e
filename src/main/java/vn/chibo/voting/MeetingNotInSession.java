package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/** A vote opened at a meeting that is still a draft or has already closed. */
public class MeetingNotInSession extends ConflictException {

    MeetingNotInSession() {
        super("voting.error.meetingNotPublished");
    }
}
