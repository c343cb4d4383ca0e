package vn.chibo.voting;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.chibo.system.ConflictException;

/** A ballot with another choice than the one the member already cast; a cast ballot never changes. */
public class BallotAlreadyCast extends ConflictException {

    BallotAlreadyCast(BallotChoice recorded) {
        super("voting.error.ballotAlreadyCast", new DefaultMessageSourceResolvable(recorded.messageKey()));
    }
}
