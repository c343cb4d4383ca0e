package vn.chibo.notification;

/** The event that a notification reports: about a meeting, or about the recipient's profile correction request. */
public enum NotificationKind {
    /** The meeting was announced. */
    PUBLISHED,
    /** The time, place, mode or agenda of an announced meeting changed. */
    CHANGED,
    /** An announced meeting was called off. */
    CANCELLED,
    /** The secretary approved the recipient's reason for staying away. */
    REASON_APPROVED,
    /** The secretary rejected the recipient's reason for staying away. */
    REASON_REJECTED,
    /** The secretary approved the recipient's profile correction request. */
    CORRECTION_APPROVED,
    /** The secretary rejected the recipient's profile correction request. */
    CORRECTION_REJECTED;

    /** Returns whether the notice is about a profile correction rather than a meeting. */
    public boolean isCorrection() {
        return this == CORRECTION_APPROVED || this == CORRECTION_REJECTED;
    }
}
