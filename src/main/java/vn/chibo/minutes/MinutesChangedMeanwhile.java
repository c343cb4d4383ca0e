package vn.chibo.minutes;

import vn.chibo.system.ConflictException;

/** An edit or approval against a version of the minutes that someone else has changed since. */
public class MinutesChangedMeanwhile extends ConflictException {

    MinutesChangedMeanwhile() {
        super("minutes.error.changedMeanwhile");
    }
}
