package vn.chibo.document;

import java.time.Instant;

/**
 * A file kept by the {@link FileStore}.
 *
 * @param sha256 the hex SHA-256 digest of the content, for duplicate checks and integrity
 */
public record StoredFile(StoredFileId id, String fileName, String contentType, long sizeBytes, String sha256,
        Instant createdAt) {
}
