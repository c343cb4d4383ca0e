package vn.chibo.document;

/** The id of a file kept by the {@link FileStore}. */
public record StoredFileId(long value) {

    public static StoredFileId of(long value) {
        return new StoredFileId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
