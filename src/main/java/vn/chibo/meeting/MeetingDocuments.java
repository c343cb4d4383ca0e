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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.document.DocumentFileFormat;
import vn.chibo.document.DocumentInspector;
import vn.chibo.document.DocumentRefused;
import vn.chibo.document.FileNames;
import vn.chibo.document.FileStore;
import vn.chibo.document.Inspection;
import vn.chibo.document.PdfRenditions;
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
    private static final String PDF = "application/pdf";

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final MeetingPermissions permissions;
    private final FileStore fileStore;
    private final AuditLog audit;
    private final MeetingProperties properties;
    private final Clock clock;
    private final MeetingDocumentReads reads;
    private final DocumentInspector inspector;
    private final PdfRenditions renditions;
    private final TransactionTemplate transactions;

    MeetingDocuments(JdbcClient jdbc, Meetings meetings, MeetingPermissions permissions, FileStore fileStore,
            AuditLog audit, MeetingProperties properties, Clock clock, MeetingDocumentReads reads,
            DocumentInspector inspector, PdfRenditions renditions, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.renditions = renditions;
        this.transactions = transactions;
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
     * stamped secret on its first page. Any file but a PDF also gets a PDF copy, which readers are
     * served with their watermark; see {@link #pdfCopy}.
     *
     * @param fileName the name the uploader's device gave the file; folders in it are dropped
     * @throws DocumentRejected when the file is not accepted; nothing is stored then
     */
    public MeetingDocument attach(Actor actor, MeetingId meetingId, String fileName, InputStream content) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireManage(actor, meeting);
        meeting.requireNotClosed();
        String name = cleanFileName(fileName);
        DocumentFormat format = DocumentFormat.claimedBy(name)
                .orElseThrow(() -> new DocumentRejected("meeting.document.error.unsupported", name,
                        DocumentFormat.acceptedExtensions()));

        Path upload = temporaryFile();
        Path copy = null;
        try {
            long size = copyWithinLimit(content, upload, name);
            if (size == 0) {
                throw new DocumentRejected("meeting.document.error.empty", name);
            }
            if (!format.contentType().equals(inspector.contentTypeOf(upload))) {
                throw new DocumentRejected("meeting.document.error.mismatch", name, format.name());
            }
            // LibreOffice takes seconds, so the copy is made before the transaction, which then uses a
            // database connection only to store the files.
            copy = pdfCopy(upload, name, format);
            Path pdf = copy;
            return transactions.execute(status -> store(actor, meetingId, name, format, size, upload, pdf));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        finally {
            deleteQuietly(upload);
            if (copy != null) {
                deleteQuietly(copy);
            }
        }
    }

    private MeetingDocument store(Actor actor, MeetingId meetingId, String name, DocumentFormat format, long size,
            Path upload, @Nullable Path pdf) {
        // Read again inside the transaction: the meeting may have closed while the copy was made.
        Meeting meeting = meetings.get(meetingId);
        meeting.requireNotClosed();
        StoredFile file = storeFile(upload, name, format.contentType(), actor);
        StoredFile rendition = pdf == null ? null : storeFile(pdf, pdfNameOf(name), PDF, actor);

        MeetingDocument document = insert(meeting, file, rendition, actor);
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(),
                "meeting.document.attached", "meeting", meetingId.value(),
                "document=" + document.id() + " file=" + file.id() + " format=" + format + " size=" + size
                        + (rendition == null ? "" : " pdf=" + rendition.id())));
        log.info("Meeting {}: document {} ({} bytes, {}) attached by account {}", meetingId, document.id(), size,
                format, actor.accountId());
        return document;
    }

    private StoredFile storeFile(Path file, String name, String contentType, Actor actor) {
        try (InputStream stored = Files.newInputStream(file)) {
            return fileStore.store(name, contentType, stored, actor.accountId().value());
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns the name of the PDF copy: the document's name with .pdf in place of its extension. */
    static String pdfNameOf(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".pdf";
    }

    /**
     * Inspects the upload and returns a new temporary PDF copy of it for readers, or null for a PDF,
     * which is served itself. The formats that the document inspector reads (PDF, DOCX, XLSX, ODT, ODS,
     * JPEG and PNG) are inspected as they are, which rejects damaged and encrypted files, decompression
     * bombs and documents stamped secret. DOC, XLS, PPT, PPTX and ODP are copied by LibreOffice first,
     * and that copy is inspected.
     */
    private @Nullable Path pdfCopy(Path upload, String name, DocumentFormat format) {
        if (DocumentFileFormat.ofContentType(format.contentType()).isPresent()) {
            Inspection inspection = inspect(upload, name);
            return inspection.format() == DocumentFileFormat.PDF ? null
                    : renditions.toPdf(upload, inspection.format(), inspection.text());
        }
        Optional<Path> converted = renditions.officeToPdf(upload, format.extension());
        if (converted.isEmpty()) {
            // NOTE: without a LibreOffice that reads the format (Impress for PPT, PPTX and ODP), the file
            // is checked for its format only and served as uploaded, without a watermark. The upload
            // form warns people not to upload secret documents.
            log.warn("No PDF copy of a meeting document in {}: it is served as uploaded", format);
            return null;
        }
        try {
            inspector.inspect(converted.get(), pdfNameOf(name));
            return converted.get();
        }
        catch (DocumentRefused refused) {
            deleteQuietly(converted.get());
            // The message names the file the secretary chose, not its copy.
            Object[] arguments = refused.messageArguments();
            for (int i = 0; i < arguments.length; i++) {
                if (pdfNameOf(name).equals(arguments[i])) {
                    arguments[i] = name;
                }
            }
            throw new DocumentRejected(refused.messageKey(), arguments);
        }
        catch (RuntimeException failure) {
            deleteQuietly(converted.get());
            throw failure;
        }
    }

    private Inspection inspect(Path file, String name) {
        try {
            return inspector.inspect(file, name);
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
        StoredFile served = document.served();
        return new DocumentDownload(served, fileStore.open(served.id()), mark);
    }

    private Optional<MeetingDocument> find(MeetingId meetingId, MeetingDocumentId documentId) {
        return jdbc.sql(SELECT + " where id = :id and meeting_id = :meeting and removed_at is null")
                .param("id", documentId.value())
                .param("meeting", meetingId.value())
                .query(this::map)
                .optional();
    }

    private MeetingDocument insert(Meeting meeting, StoredFile file, @Nullable StoredFile rendition, Actor actor) {
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting_document (meeting_id, stored_file_id, rendition_file_id, attached_at, attached_by)
                values (:meeting, :file, :rendition, :now, :actor)
                """)
                .param("meeting", meeting.id().value())
                .param("file", file.id().value())
                .param("rendition", rendition == null ? null : rendition.id().value())
                .param("now", JdbcTime.param(now))
                .param("actor", actor.accountId().value())
                .update(keys, "id");
        return new MeetingDocument(MeetingDocumentId.of(keys.getKey().longValue()), meeting.id(), file, now, rendition);
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

    private static final String SELECT =
            "select id, meeting_id, stored_file_id, rendition_file_id, attached_at from meeting_document";

    private MeetingDocument map(ResultSet row, int rowNumber) throws SQLException {
        var fileId = StoredFileId.of(row.getLong("stored_file_id"));
        StoredFile file = fileStore.find(fileId)
                .orElseThrow(() -> new IllegalStateException("Meeting document without stored file " + fileId));
        long copyId = row.getLong("rendition_file_id");
        StoredFile copy = row.wasNull() ? null : fileStore.find(StoredFileId.of(copyId))
                .orElseThrow(() -> new IllegalStateException("Meeting document without its PDF copy " + copyId));
        return new MeetingDocument(MeetingDocumentId.of(row.getLong("id")), MeetingId.of(row.getLong("meeting_id")),
                file, JdbcTime.instant(row, "attached_at"), copy);
    }

}
