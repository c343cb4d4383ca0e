package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/** A ballot or a close for a vote that has already closed. */
public class MotionNotOpen extends ConflictException {

    MotionNotOpen() {
        super("voting.error.closed");
    }
}
