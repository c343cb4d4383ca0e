package vn.chibo.member;

import vn.chibo.system.InvalidInputException;

/** A status change or transfer that the member's current status, or the dates, do not allow. */
public class InvalidStatusChange extends InvalidInputException {

    InvalidStatusChange(String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
    }
}
