package vn.chibo.notification;

/** The event that a notification reports about its meeting. */
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
    REASON_REJECTED
}
