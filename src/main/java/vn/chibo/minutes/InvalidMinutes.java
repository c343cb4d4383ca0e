package vn.chibo.minutes;

import vn.chibo.system.InvalidInputException;

/** A text of the minutes that cannot be saved, such as an empty one. */
public class InvalidMinutes extends InvalidInputException {

    InvalidMinutes(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
