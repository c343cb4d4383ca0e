package vn.chibo.member.importing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.document.StoredFileId;
import vn.chibo.organization.OrganizationId;

/**
 * An uploaded roster and what became of it.
 *
 * @param rowCount the data rows the file held when uploaded
 * @param appliedAt when the import was confirmed; null until then
 * @param result what confirming wrote; null until then
 */
public record RosterImport(RosterImportId id, OrganizationId cellId, StoredFileId storedFileId, String fileName,
        Status status, int rowCount, Instant createdAt, @Nullable Instant appliedAt, @Nullable Result result) {

    public enum Status {
        /** Uploaded; the preview waits for confirmation. Nothing is written to the roster yet. */
        PREVIEWED,
        /** Confirmed and written to the roster. */
        APPLIED,
        /** Dropped by the secretary without writing anything. */
        DISCARDED
    }

    /** The number of rows that confirming the import added, updated, found unchanged and rejected. */
    public record Result(int added, int updated, int unchanged, int rejected) {
    }
}
