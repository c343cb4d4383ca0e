package vn.chibo.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

    private final Path root;
    private final JdbcClient jdbc;
    private final Clock clock;

    FilesystemFileStore(ChiboProperties properties, JdbcClient jdbc, Clock clock) {
        this.root = properties.files().root().toAbsolutePath().normalize();
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
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(key + ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var digesting = new DigestInputStream(content, digest)) {
                size = Files.copy(digesting, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException failure) {
            log.error("Writing file {} under {} failed", key, root, failure);
            throw new UncheckedIOException(failure);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }

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
