package vn.chibo.organization;

import vn.chibo.system.InvalidInputException;

/** A name or locality that is blank where required or longer than its column. */
public class InvalidOrganizationName extends InvalidInputException {

    InvalidOrganizationName(String messageKey, int maxLength) {
        super(messageKey, maxLength);
    }
}
