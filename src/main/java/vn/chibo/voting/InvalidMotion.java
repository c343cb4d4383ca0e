package vn.chibo.voting;

import vn.chibo.system.InvalidInputException;

/** A motion that cannot be put to the vote as entered, such as one without a title. */
public class InvalidMotion extends InvalidInputException {

    InvalidMotion(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
