package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/** A receipt check while the secret ballot is still open, when no ballot may be shown yet. */
public class ReceiptCheckBeforeClose extends ConflictException {

    ReceiptCheckBeforeClose() {
        super("voting.error.receiptBeforeClose");
    }
}
