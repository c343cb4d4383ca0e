package vn.chibo.meeting;

/**
 * The stage of a meeting: draft → published → in progress → closed → minutes approved, or
 * cancelled with a reason before it starts.
 */
public enum MeetingStatus {
    /** Being prepared; visible only to those who run the cell, and nobody is notified. */
    DRAFT,
    /** Announced to the members, who reply and read the documents. */
    PUBLISHED,
    /** Opened by the chair: members check in, speak and vote. */
    IN_PROGRESS,
    /** Over: the roll is final and the minutes are drafted. */
    CLOSED,
    /** Over, and the chair and the minute taker have approved the minutes. */
    MINUTES_APPROVED,
    /** Called off before it started. The reason is kept, and announced meetings notify their members. */
    CANCELLED;

    /** Returns whether the meeting has ended, so that its roll and figures are final. */
    public boolean isOver() {
        return this == CLOSED || this == MINUTES_APPROVED;
    }
}
