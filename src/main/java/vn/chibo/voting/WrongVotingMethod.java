package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/**
 * A step that does not fit how the motion is voted: a ballot or a plain close on a show of hands,
 * or a count of hands on an electronic vote.
 */
public class WrongVotingMethod extends ConflictException {

    public WrongVotingMethod(String messageKey) {
        super(messageKey);
    }
}
