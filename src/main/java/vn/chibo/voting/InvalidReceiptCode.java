package vn.chibo.voting;

import vn.chibo.system.InvalidInputException;

/** A receipt code that is not 26 characters of the code's alphabet, as typed by the voter. */
public class InvalidReceiptCode extends InvalidInputException {

    public InvalidReceiptCode() {
        super("voting.error.receiptInvalid");
    }
}
