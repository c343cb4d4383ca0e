package vn.chibo.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.chibo.system.ChiboProperties;
import vn.chibo.system.JdbcTime;

/**
 * Keeps files in a folder tree under the configured root ({@code chibo.files.root}), named by a
 * random key that reveals nothing of the file name. Several application nodes need that folder on
 * shared storage.
 */
@Component
class FilesystemFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(FilesystemFileStore.class);

    /** Less usable space than this after a failed write counts as a full file system: one 64 KiB block. */
    private static final long MINIMUM_FREE_BYTES = 64 * 1024;

    private final Path root;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    FilesystemFileStore(ChiboProperties properties, JdbcClient jdbc, Clock clock) {
        this(properties.files().root(), jdbc, clock);
    }

    /** Keeps files under the root, which may belong to any file system (tests use a size-limited one). */
    FilesystemFileStore(Path root, JdbcClient jdbc, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StoredFile store(String uploadedName, String contentType, InputStream content, @Nullable Long createdBy) {
        String fileName = FileNames.safe(uploadedName, "file");
        String key = UUID.randomUUID().toString();
        Path target = pathOf(key);
        long size;
        String sha256;
        Path partial = target.resolveSibling(key + ".part");
        try {
            Files.createDirectories(target.getParent());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var digesting = new DigestInputStream(content, digest)) {
                size = Files.copy(digesting, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            ownerOnly(partial, target.getParent());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException failure) {
            deleteQuietly(partial);
            if (isOutOfSpace(failure)) {
                log.warn("Writing file {} under {} failed: no space left ({})", key, root, failure.getMessage());
                throw new FileStoreFull(fileName);
            }
            log.error("Writing file {} under {} failed", key, root, failure);
            throw new UncheckedIOException(failure);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
        deleteOnRollback(target, key);

        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stored_file (storage_key, file_name, content_type, size_bytes, sha256, created_at,
                                         created_by)
                values (:key, :fileName, :contentType, :size, :sha256, :now, :createdBy)
                """)
                .param("key", key)
                .param("fileName", fileName)
                .param("contentType", contentType)
                .param("size", size)
                .param("sha256", sha256)
                .param("now", JdbcTime.param(now))
                .param("createdBy", createdBy)
                .update(keys, "id");
        var id = StoredFileId.of(keys.getKey().longValue());
        log.info("Stored file {} ({} bytes) under key {}", id, size, key);
        return new StoredFile(id, fileName, contentType, size, sha256, now);
    }

    @Override
    public Optional<StoredFile> find(StoredFileId id) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sha256, created_at from stored_file where id = :id
                """)
                .param("id", id.value())
                .query(FilesystemFileStore::map)
                .optional();
    }

    @Override
    public InputStream open(StoredFileId id) {
        String key = jdbc.sql("select storage_key from stored_file where id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("No stored file " + id));
        try {
            return Files.newInputStream(pathOf(key));
        }
        catch (IOException failure) {
            log.error("Reading stored file {} failed", id, failure);
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Returns whether a write failed for lack of space: the operating system's ENOSPC or EDQUOT
     * message, Jimfs's own message, or a file system with less free space than one more block.
     */
    private boolean isOutOfSpace(IOException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("no space left") || message.contains("disk quota exceeded")
                || message.contains("out of disk space")) {
            return true;
        }
        try {
            return Files.getFileStore(root).getUsableSpace() < MINIMUM_FREE_BYTES;
        }
        catch (IOException | UnsupportedOperationException unknown) {
            return false;
        }
    }

    @Override
    @Transactional
    public void delete(StoredFileId id) {
        Optional<String> key = jdbc.sql("select storage_key from stored_file where id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional();
        if (key.isEmpty()) {
            return;
        }
        jdbc.sql("delete from stored_file where id = :id").param("id", id.value()).update();
        Path target = pathOf(key.get());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    log.info("Deleting file {} under key {}: its record was deleted", id, key.get());
                    deleteQuietly(target);
                }
            }
        });
    }

    /**
     * Makes the file readable and its folders openable by the product's own user only: internal documents
     * and members' papers are kept unencrypted, and other local accounts on the server have no business
     * reading them. A file system without POSIX permissions keeps its own rules.
     */
    private void ownerOnly(Path file, Path folder) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        for (Path each = folder; each != null && each.startsWith(root) && !each.equals(root); each = each.getParent()) {
            Files.setPosixFilePermissions(each, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Deletes the file if the caller's transaction rolls back, so that a failed insert of its record,
     * or of the document that refers to it, leaves no unreferenced file. Without a transaction the
     * record is already committed.
     */
    private void deleteOnRollback(Path target, String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    log.info("Deleting file under key {}: its transaction did not commit", key);
                    deleteQuietly(target);
                }
            }
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException failure) {
            log.warn("Could not delete {}; it is referenced by no record and may be deleted by hand", file, failure);
        }
    }

    private Path pathOf(String key) {
        // Two levels of folders keep any one folder small.
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }

    private static StoredFile map(ResultSet row, int rowNumber) throws SQLException {
        return new StoredFile(StoredFileId.of(row.getLong("id")), row.getString("file_name"),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"),
                JdbcTime.instant(row, "created_at"));
    }
}
