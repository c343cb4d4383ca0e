package vn.chibo.discussion;

import vn.chibo.system.ConflictException;

/**
 * A step on the speaker list that the state of the meeting, the item or the request does not allow,
 * such as a raised hand on an item that is no longer under discussion.
 */
public class SpeakerRequestRejected extends ConflictException {

    SpeakerRequestRejected(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
