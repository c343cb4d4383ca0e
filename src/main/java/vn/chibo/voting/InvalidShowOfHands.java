package vn.chibo.voting;

import vn.chibo.system.InvalidInputException;

/**
 * A count of raised hands that cannot be right: a negative or missing number, or more hands than
 * eligible voters present. The message names the limit.
 */
public class InvalidShowOfHands extends InvalidInputException {

    public InvalidShowOfHands(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
