package vn.chibo.organization;

/** The id of a committee, cell or party group. */
public record OrganizationId(long value) {

    public static OrganizationId of(long value) {
        return new OrganizationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
