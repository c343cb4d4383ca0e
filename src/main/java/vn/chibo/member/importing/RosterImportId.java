package vn.chibo.member.importing;

/** The id of an uploaded roster. */
public record RosterImportId(long value) {

    public static RosterImportId of(long value) {
        return new RosterImportId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
