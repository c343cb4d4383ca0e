package vn.chibo.meeting;

public enum MeetingStatus {
    /** Being prepared; visible only to those who run the cell, and nobody is notified. */
    DRAFT,
    /** Announced to the members, who answer, attend and vote. */
    PUBLISHED,
    /** Over: the roll is final and the minutes are drafted. */
    CLOSED
}
