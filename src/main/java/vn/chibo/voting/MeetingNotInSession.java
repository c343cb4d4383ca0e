package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/** A vote opened at a meeting that is not in progress: not yet started by its chair, or already closed. */
public class MeetingNotInSession extends ConflictException {

    MeetingNotInSession() {
        super("voting.error.meetingNotPublished");
    }
}
