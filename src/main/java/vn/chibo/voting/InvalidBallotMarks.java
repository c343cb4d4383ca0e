package vn.chibo.voting;

import vn.chibo.system.InvalidInputException;

/**
 * An election or discipline ballot that cannot be cast as marked: a line not on the ballot, a line
 * marked twice, or more marks than the ballot allows.
 */
public class InvalidBallotMarks extends InvalidInputException {

    InvalidBallotMarks(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    /** A mark that names no line of the ballot, or is not a line's number at all. */
    public static InvalidBallotMarks notOnBallot() {
        return new InvalidBallotMarks("voting.error.notOnBallot");
    }
}
