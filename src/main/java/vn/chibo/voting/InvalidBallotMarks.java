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
}
