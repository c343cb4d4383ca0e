package vn.chibo.meeting;

import vn.chibo.system.InvalidInputException;

/** An uploaded file that a meeting does not accept: empty, too large, or not of an accepted format. */
public class DocumentRejected extends InvalidInputException {

    DocumentRejected(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
