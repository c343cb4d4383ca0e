package vn.chibo.minutes;

import vn.chibo.system.ConflictException;

/** An edit of minutes that both signatories have approved. */
public class MinutesAlreadyApproved extends ConflictException {

    MinutesAlreadyApproved() {
        super("minutes.error.approved");
    }
}
