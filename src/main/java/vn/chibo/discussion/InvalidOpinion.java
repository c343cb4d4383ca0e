package vn.chibo.discussion;

import vn.chibo.system.InvalidInputException;

/** The text of an opinion breaks a rule: it is empty or too long. */
public class InvalidOpinion extends InvalidInputException {

    InvalidOpinion(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
