package vn.chibo.meeting;

/** The id of a document attached to a meeting. */
public record MeetingDocumentId(long value) {

    public static MeetingDocumentId of(long value) {
        return new MeetingDocumentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
