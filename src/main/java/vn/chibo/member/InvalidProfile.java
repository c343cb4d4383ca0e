package vn.chibo.member;

import vn.chibo.system.InvalidInputException;

/** An edited profile that the roster cannot take, with the form field the message belongs to. */
public class InvalidProfile extends InvalidInputException {

    private final String field;

    InvalidProfile(String field, String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
        this.field = field;
    }

    /** Returns the name of the form field the message belongs to. */
    public String field() {
        return field;
    }
}
