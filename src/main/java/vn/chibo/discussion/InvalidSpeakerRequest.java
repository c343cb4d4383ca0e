package vn.chibo.discussion;

import vn.chibo.system.InvalidInputException;

/** A value sent for the speaker list breaks a rule: a subject too long, a time limit out of range. */
public class InvalidSpeakerRequest extends InvalidInputException {

    InvalidSpeakerRequest(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
