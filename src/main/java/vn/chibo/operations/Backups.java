package vn.chibo.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import vn.chibo.system.ChiboProperties;
import vn.chibo.system.ScheduledJobLease;

/**
 * Backs up and restores the database and the file store of this application as one archive (see
 * {@link BackupArchive} for its layout). Every run logs its start, its end with the archive's size,
 * or its error. When several nodes share one schedule, only the node that takes the lease
 * {@value #JOB} in {@code scheduled_job_lock} makes the scheduled backup of a run.
 */
@Component
public class Backups {

    static final String JOB = "operations.backup";

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    /** The cron expression that turns a Spring {@code @Scheduled} method off. */
    private static final String CRON_DISABLED = "-";

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final DatabaseConnection database;
    private final Path filesRoot;
    private final BackupProperties properties;
    private final ScheduledJobLease lease;
    private final ZoneId zone;
    private final Clock clock;

    Backups(DataSourceProperties dataSource, ChiboProperties chibo, BackupProperties properties,
            ScheduledJobLease lease, Clock clock) {
        this.database = new DatabaseConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
        this.filesRoot = chibo.files().root().toAbsolutePath().normalize();
        this.properties = properties;
        this.lease = lease;
        this.zone = chibo.zone();
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
        runScheduled(clock.instant());
    }

    /**
     * Makes the scheduled backup due at {@code now}, unless another node took this run's lease.
     *
     * @return the archive's path, or null when the schedule is off, another node took the run, or the
     *     backup failed (already logged by {@link #create})
     */
    @Nullable Path runScheduled(Instant now) {
        if (CRON_DISABLED.equals(properties.cron())) {
            return null;
        }
        if (!lease.claim(JOB, now, leaseOfRun(now))) {
            log.info("Scheduled backup skipped on {}: another node took this run", lease.node());
            return null;
        }
        try {
            return createInFolder();
        }
        catch (IOException | SQLException | RuntimeException failure) {
            // Already logged by create; the next scheduled run tries again.
            return null;
        }
    }

    /**
     * Returns the lease of a scheduled run: half the time until the next run. A node whose clock is
     * off by less than that finds the lease taken and skips the run, and the lease has ended by the
     * next run.
     */
    Duration leaseOfRun(Instant now) {
        ZonedDateTime next = CronExpression.parse(properties.cron()).next(now.atZone(zone));
        if (next == null) {
            // A cron expression that never matches again (such as 30 February), so the lease only has to outlast clock skew.
            return Duration.ofHours(1);
        }
        return Duration.between(now, next.toInstant()).dividedBy(2);
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
            @Nullable Path postgresBin) throws IOException, SQLException {
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
