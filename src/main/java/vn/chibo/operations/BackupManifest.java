package vn.chibo.operations;

import java.time.Instant;
import java.util.List;

/**
 * The table of contents of a backup archive, stored in it as {@code manifest.json}.
 *
 * @param format the version of the archive layout, 1
 * @param database {@code H2} or {@code PostgreSQL}: the kind of database dump in {@code database/}
 * @param schemaVersion the last Flyway migration applied to the database that was backed up
 * @param entries every other file of the archive with its size in bytes and SHA-256
 */
public record BackupManifest(int format, Instant createdAt, String database, String schemaVersion, List<Entry> entries) {

    static final String FILE_NAME = "manifest.json";

    public record Entry(String path, long size, String sha256) {
    }
}
