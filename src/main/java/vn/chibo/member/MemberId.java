package vn.chibo.member;

/** The id of a member record. */
public record MemberId(long value) {

    public static MemberId of(long value) {
        return new MemberId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
