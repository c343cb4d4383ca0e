package vn.chibo.minutes;

/** A signatory of the minutes: the meeting's chair or its minute taker. */
public enum Signatory {
    CHAIR,
    MINUTE_TAKER
}
