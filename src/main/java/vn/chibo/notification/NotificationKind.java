package vn.chibo.notification;

/** What a notification tells about its meeting. */
public enum NotificationKind {
    /** The meeting was announced. */
    PUBLISHED,
    /** The time, place, mode or agenda of an announced meeting changed. */
    CHANGED,
    /** An announced meeting was called off. */
    CANCELLED
}
