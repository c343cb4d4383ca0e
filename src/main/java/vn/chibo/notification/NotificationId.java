package vn.chibo.notification;

/** The id of a notification. */
public record NotificationId(long value) {

    public static NotificationId of(long value) {
        return new NotificationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
