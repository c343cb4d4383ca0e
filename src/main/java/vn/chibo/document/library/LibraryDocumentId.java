package vn.chibo.document.library;

/** The id of a document in an organization's library. */
public record LibraryDocumentId(long value) {

    public static LibraryDocumentId of(long value) {
        return new LibraryDocumentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
