package vn.chibo.minutes;

public enum MinutesStatus {
    /** Drafted from the meeting and open to the minute taker's edits. */
    DRAFT,
    /** Approved by both the chair and the minute taker; the text no longer changes. */
    APPROVED
}
