package vn.chibo.discussion;

/** The id of a request to speak. */
public record SpeakerRequestId(long value) {

    public static SpeakerRequestId of(long value) {
        return new SpeakerRequestId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
