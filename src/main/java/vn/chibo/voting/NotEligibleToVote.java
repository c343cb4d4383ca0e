package vn.chibo.voting;

import vn.chibo.system.ForbiddenException;

/** A ballot from someone who may see the vote but may not cast one; the message says why. */
public class NotEligibleToVote extends ForbiddenException {

    NotEligibleToVote(VoterStanding standing) {
        super(standing.messageKey());
    }
}
