package vn.chibo.minutes;

import vn.chibo.system.InvalidInputException;

/** A text for the minutes that cannot be saved, such as one that is too long. */
public class InvalidMinutes extends InvalidInputException {

    private final String field;

    InvalidMinutes(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    /** Returns the form field the message is about: {@code text}, {@code speakers} or {@code conclusion}. */
    public String field() {
        return field;
    }
}
