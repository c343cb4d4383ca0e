package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/** A second vote opened at a meeting while another one is still open. */
public class MotionAlreadyOpen extends ConflictException {

    MotionAlreadyOpen() {
        super("voting.error.alreadyOpen");
    }
}
