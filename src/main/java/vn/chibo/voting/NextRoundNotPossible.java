package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/** An election round that cannot follow the round asked for, with the reason as its message. */
public class NextRoundNotPossible extends ConflictException {

    NextRoundNotPossible(String messageKey) {
        super(messageKey);
    }
}
