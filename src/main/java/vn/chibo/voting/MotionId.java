package vn.chibo.voting;

/** The id of a motion put to the vote. */
public record MotionId(long value) {

    public static MotionId of(long value) {
        return new MotionId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
