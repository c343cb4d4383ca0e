package vn.chibo.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.chibo.system.ChiboProperties;

/**
 * Backs up and restores the database and the file store of this application as one archive (see
 * {@link BackupArchive} for its layout). Every run logs its start, its end with the archive's size,
 * or its error.
 */
@Component
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final DatabaseConnection database;
    private final Path filesRoot;
    private final BackupProperties properties;
    private final Clock clock;

    Backups(DataSourceProperties dataSource, ChiboProperties chibo, BackupProperties properties, Clock clock) {
        this.database = new DatabaseConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
        this.filesRoot = chibo.files().root().toAbsolutePath().normalize();
        this.properties = properties;
        this.clock = clock;
    }

    /** Makes a backup into the configured folder, named by the time in UTC. Returns the archive's path. */
    public Path createInFolder() throws IOException, SQLException {
        Path archive = archiveInFolder();
        create(archive);
        return archive;
    }

    /** Returns the path of a new backup in the configured folder, named by the time in UTC. */
    public Path archiveInFolder() {
        return properties.folder().toAbsolutePath()
                .resolve("chibo-backup-" + FILE_TIME.format(clock.instant()) + ".zip");
    }

    @Scheduled(cron = "${chibo.backup.cron:-}", zone = "${chibo.zone:Asia/Ho_Chi_Minh}")
    void createOnSchedule() {
        try {
            createInFolder();
        }
        catch (IOException | SQLException | RuntimeException failure) {
            // Already logged by create; the next scheduled run tries again.
        }
    }

    /** Writes a backup of the database and the file store to the archive path. */
    public BackupManifest create(Path archive) throws IOException, SQLException {
        log.info("Backup to {} started", archive);
        try {
            BackupManifest manifest = BackupArchive.write(database, filesRoot, archive, properties.postgresBin());
            log.info("Backup to {} finished: {} bytes, {} entries, schema version {}", archive, Files.size(archive),
                    manifest.entries().size(), manifest.schemaVersion());
            return manifest;
        }
        catch (IOException | SQLException | RuntimeException failure) {
            log.error("Backup to {} failed", archive, failure);
            throw failure;
        }
    }

    /**
     * Restores an archive into this application's database and file store, which must both be empty.
     *
     * @throws BackupRejected when the archive does not match its checksums or a target is not empty
     */
    public BackupManifest restore(Path archive) throws IOException, SQLException {
        return restore(archive, database, filesRoot, properties.postgresBin());
    }

    /** Restores an archive into the given empty database and file store folder. */
    public static BackupManifest restore(Path archive, DatabaseConnection target, Path filesRoot,
            @org.jspecify.annotations.Nullable Path postgresBin) throws IOException, SQLException {
        log.info("Restore of {} started", archive);
        try {
            BackupManifest manifest = BackupArchive.restore(archive, target, filesRoot, postgresBin);
            log.info("Restore of {} finished: {} bytes, {} entries, schema version {}", archive, Files.size(archive),
                    manifest.entries().size(), manifest.schemaVersion());
            return manifest;
        }
        catch (BackupRejected rejected) {
            log.warn("Restore of {} rejected: {}", archive, rejected.getMessage());
            throw rejected;
        }
        catch (IOException | SQLException | RuntimeException failure) {
            log.error("Restore of {} failed", archive, failure);
            throw failure;
        }
    }
}
