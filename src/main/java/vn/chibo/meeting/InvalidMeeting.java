package vn.chibo.meeting;

import vn.chibo.system.InvalidInputException;

/** Meeting details that break a rule, such as an end time before the start. */
public class InvalidMeeting extends InvalidInputException {

    InvalidMeeting(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
