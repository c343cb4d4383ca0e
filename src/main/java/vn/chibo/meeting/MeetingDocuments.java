package vn.chibo.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.document.DocumentFileFormat;
import vn.chibo.document.DocumentInspector;
import vn.chibo.document.DocumentRefused;
import vn.chibo.document.FileNames;
import vn.chibo.document.FileStore;
import vn.chibo.document.StoredFile;
import vn.chibo.document.StoredFileId;
import vn.chibo.document.Watermark;
import vn.chibo.member.Member;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.UploadLimit;
import vn.chibo.system.VietnameseText;

/**
 * The documents of a meeting: attached by those who run the cell, read by everyone who may see the
 * meeting. Every download is recorded in the audit trail.
 */
@Component
public class MeetingDocuments {

    private static final Logger log = LoggerFactory.getLogger(MeetingDocuments.class);

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final MeetingPermissions permissions;
    private final FileStore fileStore;
    private final AuditLog audit;
    private final MeetingProperties properties;
    private final Clock clock;
    private final MeetingDocumentReads reads;
    private final DocumentInspector inspector;

    MeetingDocuments(JdbcClient jdbc, Meetings meetings, MeetingPermissions permissions, FileStore fileStore,
            AuditLog audit, MeetingProperties properties, Clock clock, MeetingDocumentReads reads,
            DocumentInspector inspector) {
        this.jdbc = jdbc;
        this.inspector = inspector;
        this.reads = reads;
        this.meetings = meetings;
        this.permissions = permissions;
        this.fileStore = fileStore;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Attaches an uploaded file to a meeting that has not closed. The file must be of an accepted
     * format by both its name and its content, not empty, within the size limit, readable, and not
     * stamped secret on its first page.
     *
     * @param fileName the name the uploader's device gave the file; folders in it are dropped
     * @throws DocumentRejected when the file is not accepted; nothing is stored then
     */
    @Transactional
    public MeetingDocument attach(Actor actor, MeetingId meetingId, String fileName, InputStream content) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireManage(actor, meeting);
        meeting.requireNotClosed();
        String name = cleanFileName(fileName);
        DocumentFormat format = DocumentFormat.claimedBy(name)
                .orElseThrow(() -> new DocumentRejected("meeting.document.error.unsupported", name,
                        DocumentFormat.acceptedExtensions()));

        Path upload = temporaryFile();
        try {
            long size = copyWithinLimit(content, upload, name);
            if (size == 0) {
                throw new DocumentRejected("meeting.document.error.empty", name);
            }
            if (!format.contentType().equals(inspector.contentTypeOf(upload))) {
                throw new DocumentRejected("meeting.document.error.mismatch", name, format.name());
            }
            inspect(upload, name, format);
            StoredFile file;
            try (InputStream stored = Files.newInputStream(upload)) {
                file = fileStore.store(name, format.contentType(), stored, actor.accountId().value());
            }
            MeetingDocument document = insert(meeting, file, actor);
            audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(),
                    "meeting.document.attached", "meeting", meetingId.value(),
                    "document=" + document.id() + " file=" + file.id() + " format=" + format + " size=" + size));
            log.info("Meeting {}: document {} ({} bytes, {}) attached by account {}", meetingId, document.id(), size,
                    format, actor.accountId());
            return document;
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        finally {
            deleteQuietly(upload);
        }
    }

    /**
     * Runs the document inspector on the formats it reads (PDF, DOCX, XLSX, ODT, ODS, JPEG and PNG),
     * which rejects damaged and encrypted files, decompression bombs and documents stamped secret.
     */
    private void inspect(Path upload, String name, DocumentFormat format) {
        if (DocumentFileFormat.ofContentType(format.contentType()).isEmpty()) {
            // NOTE: the text of DOC, XLS, PPT, PPTX and ODP files is not extracted, so a secret stamp in
            // them goes unnoticed; the upload form asks people not to upload secret documents.
            return;
        }
        try {
            inspector.inspect(upload, name);
        }
        catch (DocumentRefused refused) {
            throw new DocumentRejected(refused.messageKey(), refused.messageArguments());
        }
    }

    /** Takes a document off a meeting that has not closed; its file and row are kept for the record. */
    @Transactional
    public void remove(Actor actor, MeetingId meetingId, MeetingDocumentId documentId) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireManage(actor, meeting);
        meeting.requireNotClosed();
        find(meetingId, documentId).orElseThrow(NotFoundException::hidden);

        jdbc.sql("update meeting_document set removed_at = :now, removed_by = :actor where id = :id")
                .param("now", JdbcTime.param(clock.instant()))
                .param("actor", actor.accountId().value())
                .param("id", documentId.value())
                .update();
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "meeting.document.removed",
                "meeting", meetingId.value(), "document=" + documentId));
        log.info("Meeting {}: document {} removed by account {}", meetingId, documentId, actor.accountId());
    }

    /** Returns the largest file accepted, for the hint and the check beside the upload field. */
    public UploadLimit uploadLimit() {
        return UploadLimit.of(properties.maxDocumentSize());
    }

    /** Returns the documents of a meeting in the order they were attached. It checks no permission. */
    public List<MeetingDocument> of(MeetingId meetingId) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting and removed_at is null order by attached_at, id")
                .param("meeting", meetingId.value())
                .query(this::map)
                .list();
    }

    /**
     * Opens a document for an actor who may see its meeting, and records the download, for a member on
     * the cell's roster also as read. Anyone else, and any document not of this meeting, gets not-found.
     */
    @Transactional
    public DocumentDownload download(Actor actor, MeetingId meetingId, MeetingDocumentId documentId) {
        return open(actor, meetingId, documentId, false);
    }

    /**
     * Opens a document for the copy that the offline app keeps on the actor's device. It is checked and
     * audited like a download, but not recorded as read: the member has not opened it yet.
     */
    @Transactional
    public DocumentDownload saveForOffline(Actor actor, MeetingId meetingId, MeetingDocumentId documentId) {
        return open(actor, meetingId, documentId, true);
    }

    private DocumentDownload open(Actor actor, MeetingId meetingId, MeetingDocumentId documentId, boolean offline) {
        Meeting meeting = meetings.visibleTo(actor, meetingId);
        MeetingDocument document = find(meetingId, documentId).orElseThrow(NotFoundException::hidden);

        String action = offline ? "meeting.document.savedOffline" : "meeting.document.downloaded";
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), action, "meeting",
                meetingId.value(), "document=" + documentId));
        Optional<Member> reader = permissions.memberOf(actor, meeting);
        if (!offline) {
            reader.ifPresent(member -> reads.recordOpen(meetingId, documentId, member.id(), clock.instant()));
        }
        log.info("Meeting {}: document {} {} by account {}", meetingId, documentId,
                offline ? "saved for offline reading" : "downloaded", actor.accountId());
        Watermark mark = reader
                .map(member -> new Watermark(member.fullName(), member.partyCardNumber() == null ? actor.username()
                        : member.partyCardNumber(), clock.instant()))
                .orElseGet(() -> new Watermark(actor.displayName(), actor.username(), clock.instant()));
        return new DocumentDownload(document.file(), fileStore.open(document.file().id()), mark);
    }

    private Optional<MeetingDocument> find(MeetingId meetingId, MeetingDocumentId documentId) {
        return jdbc.sql(SELECT + " where id = :id and meeting_id = :meeting and removed_at is null")
                .param("id", documentId.value())
                .param("meeting", meetingId.value())
                .query(this::map)
                .optional();
    }

    private MeetingDocument insert(Meeting meeting, StoredFile file, Actor actor) {
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_document (meeting_id, stored_file_id, attached_at, attached_by)
                values (:meeting, :file, :now, :actor)
                """)
                .param("meeting", meeting.id().value())
                .param("file", file.id().value())
                .param("now", JdbcTime.param(now))
                .param("actor", actor.accountId().value())
                .update(keys, "id");
        return new MeetingDocument(MeetingDocumentId.of(keys.getKey().longValue()), meeting.id(), file, now);
    }

    private long copyWithinLimit(InputStream content, Path target, String name) throws IOException {
        long limit = properties.maxDocumentSize().toBytes();
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = content.read(buffer)) >= 0) {
                copied += read;
                if (copied > limit) {
                    throw new DocumentRejected("meeting.document.error.tooLarge", name,
                            properties.maxDocumentSize().toMegabytes());
                }
                out.write(buffer, 0, read);
            }
        }
        return copied;
    }

    /** Returns the safe form of the name (see {@link FileNames#safe}), which the checks of the format read. */
    static String cleanFileName(String fileName) {
        return FileNames.safe(fileName, "");
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("chibo-upload-", ".part");
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException failure) {
            log.warn("Could not delete the temporary upload {}", file, failure);
        }
    }

    private static final String SELECT = "select id, meeting_id, stored_file_id, attached_at from meeting_document";

    private MeetingDocument map(ResultSet row, int rowNumber) throws SQLException {
        var fileId = StoredFileId.of(row.getLong("stored_file_id"));
        StoredFile file = fileStore.find(fileId)
                .orElseThrow(() -> new IllegalStateException("Meeting document without stored file " + fileId));
        return new MeetingDocument(MeetingDocumentId.of(row.getLong("id")), MeetingId.of(row.getLong("meeting_id")),
                file, JdbcTime.instant(row, "attached_at"));
    }
}
