package vn.chibo.discussion;

/** The id of an opinion. */
public record OpinionId(long value) {

    public static OpinionId of(long value) {
        return new OpinionId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
