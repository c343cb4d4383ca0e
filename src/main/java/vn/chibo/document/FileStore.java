package vn.chibo.document;

import java.io.InputStream;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Keeps uploaded files. It checks no permission: files are served only by controllers that
 * authorize the request first.
 */
public interface FileStore {

    /**
     * Stores the content and records it; the caller's transaction covers the record, and a rollback
     * deletes the file again. The name is stored in the safe form of {@link FileNames#safe}, which the
     * returned file carries.
     *
     * @param createdBy the account that uploaded the file, or null for the system
     * @throws FileStoreFull when the store has no space left; nothing of the content is kept then
     */
    StoredFile store(String uploadedName, String contentType, InputStream content, @Nullable Long createdBy);

    Optional<StoredFile> find(StoredFileId id);

    /** Opens the content for reading; the caller closes the stream. */
    InputStream open(StoredFileId id);

    /**
     * Deletes the file's record now and its content once the caller's transaction commits, so that a
     * rollback keeps both. Rows that refer to the file must be gone first.
     */
    void delete(StoredFileId id);
}
