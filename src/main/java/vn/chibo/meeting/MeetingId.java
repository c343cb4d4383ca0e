package vn.chibo.meeting;

/** The id of a meeting. */
public record MeetingId(long value) {

    public static MeetingId of(long value) {
        return new MeetingId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
