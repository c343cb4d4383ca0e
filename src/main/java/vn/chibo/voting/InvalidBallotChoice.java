package vn.chibo.voting;

import vn.chibo.system.InvalidInputException;

/** A ballot whose choice is none of for, against or abstain. */
public class InvalidBallotChoice extends InvalidInputException {

    public InvalidBallotChoice() {
        super("voting.error.choiceInvalid");
    }
}
