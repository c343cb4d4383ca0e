package vn.chibo.document.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.document.FileStore;
import vn.chibo.document.StoredFile;
import vn.chibo.document.StoredFileId;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.ChiboProperties;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.VietnameseText;

/**
 * Puts documents into a library and changes them: upload, new versions of the file, edits of the
 * details and withdrawal. Each change is audited in its own transaction. The file is inspected before
 * anything is written, so that a refused file, a secret one above all, leaves no row, no stored file and
 * no audit entry behind.
 *
 * <p>An upload inspects the file and makes its PDF copy before its transaction begins: LibreOffice may
 * take seconds, and a database connection held all that time would be missed by every other request.
 */
@Component
public class DocumentUploads {

    private static final Logger log = LoggerFactory.getLogger(DocumentUploads.class);

    static final String TARGET_TYPE = "library_document";

    private final JdbcClient jdbc;
    private final FileStore files;
    private final LibraryInspection inspection;
    private final LibraryPermissions permissions;
    private final LibraryDocuments documents;
    private final AuditLog audit;
    private final Clock clock;
    private final ChiboProperties properties;
    private final TransactionTemplate transactions;

    DocumentUploads(JdbcClient jdbc, FileStore files, LibraryInspection inspection, LibraryPermissions permissions,
            LibraryDocuments documents, AuditLog audit, Clock clock, ChiboProperties properties,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.files = files;
        this.inspection = inspection;
        this.permissions = permissions;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** Returns today's date where the organizations are, the latest date of issue a document may have. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /**
     * Refuses a document that its uploader declares secret (Mật, Tối mật, Tuyệt mật), with the law's
     * explanation, before anything of it is read or kept.
     */
    public RuntimeException secretDeclared() {
        return inspection.secretDeclared();
    }

    /**
     * Adds a document with its first version to the library of the owner.
     *
     * @param upload the uploaded content in a temporary file, which the caller deletes
     */
    public LibraryDocumentId create(Actor actor, OrganizationId owner, DocumentDetails details, Path upload,
            String uploadedName) {
        permissions.requireManage(actor, owner);
        requireValid(details);
        Prepared prepared = prepare(upload, uploadedName);
        try {
            return transactions.execute(status -> insertDocument(actor, owner, details, upload, prepared));
        }
        finally {
            prepared.deleteRendition();
        }
    }

    private LibraryDocumentId insertDocument(Actor actor, OrganizationId owner, DocumentDetails details, Path upload,
            Prepared prepared) {
        LibraryInspection.Inspected inspected = prepared.inspected();
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into library_document (owner_id, title, doc_number, issued_on, issuing_body, kind, classification,
                                              summary, search_text, created_at, created_by, updated_at)
                values (:owner, :title, :number, :issuedOn, :issuingBody, :kind, :classification, :summary, :searchText,
                        :now, :actor, :now)
                """)
                .param("owner", owner.value())
                .params(detailParameters(details, inspected.text()))
                .param("now", JdbcTime.param(now))
                .param("actor", actor.accountId().value())
                .update(keys, "id");
        var id = LibraryDocumentId.of(keys.getKey().longValue());
        writeTags(id, details);
        long versionId = addVersionRow(actor, id, 1, upload, prepared, null, now);

        audit.record(new AuditEntry(actor.accountId().value(), owner.value(), "document.created", TARGET_TYPE,
                id.value(), "version=" + versionId + " format=" + inspected.format() + " classification="
                        + details.classification()));
        log.info("Document {} created in library {} by account {} (version row {}, {})", id, owner, actor.accountId(),
                versionId, inspected.format());
        return id;
    }

    /** Adds a new version of the file; it becomes the one readers get. */
    public int addVersion(Actor actor, LibraryDocumentId id, Path upload, String uploadedName, @Nullable String note) {
        LibraryDocument document = documents.get(actor, id);
        permissions.requireManage(actor, document.ownerId());
        String cleanNote = VietnameseText.cleanOrNull(note);
        if (cleanNote != null && cleanNote.length() > 300) {
            throw new InvalidInputException("document.error.noteTooLong");
        }
        Prepared prepared = prepare(upload, uploadedName);
        try {
            Integer versionNo = transactions.execute(status -> insertVersion(actor, id, upload, prepared, cleanNote));
            return versionNo == null ? 0 : versionNo;
        }
        finally {
            prepared.deleteRendition();
        }
    }

    private int insertVersion(Actor actor, LibraryDocumentId id, Path upload, Prepared prepared,
            @Nullable String cleanNote) {
        // Read again inside the transaction: the document may have been withdrawn during the conversion.
        LibraryDocument document = documents.get(actor, id);
        permissions.requireManage(actor, document.ownerId());
        LibraryInspection.Inspected inspected = prepared.inspected();
        Instant now = clock.instant();
        int versionNo = documents.currentVersion(id).versionNo() + 1;
        long versionId = addVersionRow(actor, id, versionNo, upload, prepared, cleanNote, now);
        jdbc.sql("update library_document set search_text = :searchText, updated_at = :now where id = :id")
                .param("searchText", searchText(document.details(), inspected.text()))
                .param("now", JdbcTime.param(now))
                .param("id", id.value())
                .update();

        audit.record(new AuditEntry(actor.accountId().value(), document.ownerId().value(), "document.versionAdded",
                TARGET_TYPE, id.value(), "version=" + versionId + " versionNo=" + versionNo + " format="
                        + inspected.format()));
        log.info("Document {} got version {} (row {}) from account {}", id, versionNo, versionId, actor.accountId());
        return versionNo;
    }

    /** Changes the details of a document; its file stays as it is. */
    @Transactional
    public void edit(Actor actor, LibraryDocumentId id, DocumentDetails details) {
        LibraryDocument document = documents.get(actor, id);
        permissions.requireManage(actor, document.ownerId());
        requireValid(details);

        String text = jdbc.sql("""
                select extracted_text from library_document_version where document_id = :id
                order by version_no desc limit 1
                """)
                .param("id", id.value())
                .query(String.class)
                .optional()
                .orElse("");
        jdbc.sql("""
                update library_document set title = :title, doc_number = :number, issued_on = :issuedOn,
                       issuing_body = :issuingBody, kind = :kind, classification = :classification, summary = :summary,
                       search_text = :searchText, updated_at = :now
                where id = :id
                """)
                .params(detailParameters(details, text == null ? "" : text))
                .param("now", JdbcTime.param(clock.instant()))
                .param("id", id.value())
                .update();
        jdbc.sql("delete from library_document_tag where document_id = :id").param("id", id.value()).update();
        writeTags(id, details);

        audit.record(new AuditEntry(actor.accountId().value(), document.ownerId().value(), "document.edited",
                TARGET_TYPE, id.value(), "classification=" + details.classification()));
        log.info("Document {} edited by account {}", id, actor.accountId());
    }

    /** Withdraws the document: it is kept for the record and hidden from every reader. */
    @Transactional
    public void withdraw(Actor actor, LibraryDocumentId id) {
        LibraryDocument document = documents.get(actor, id);
        permissions.requireManage(actor, document.ownerId());

        jdbc.sql("update library_document set withdrawn_at = :now, withdrawn_by = :actor where id = :id")
                .param("now", JdbcTime.param(clock.instant()))
                .param("actor", actor.accountId().value())
                .param("id", id.value())
                .update();

        audit.record(new AuditEntry(actor.accountId().value(), document.ownerId().value(), "document.withdrawn",
                TARGET_TYPE, id.value(), null));
        log.info("Document {} withdrawn by account {}", id, actor.accountId());
    }

    /**
     * Restores a withdrawn document: readers of the organizations it was issued to see it again, with
     * its versions, receipts and access log as they were. Anyone but a manager of its library gets
     * not-found, as for a document they may not open.
     */
    @Transactional
    public void restore(Actor actor, LibraryDocumentId id) {
        LibraryDocument document = documents.findWithdrawn(id)
                .filter(withdrawn -> permissions.canManage(actor, withdrawn.ownerId()))
                .orElseThrow(NotFoundException::hidden);

        jdbc.sql("update library_document set withdrawn_at = null, withdrawn_by = null where id = :id")
                .param("id", id.value())
                .update();

        audit.record(new AuditEntry(actor.accountId().value(), document.ownerId().value(), "document.restored",
                TARGET_TYPE, id.value(), null));
        log.info("Document {} restored by account {}", id, actor.accountId());
    }

    /**
     * Deletes the document for good: every version's file and PDF copy, its text, tags, distribution, read
     * receipts and access log. It is the remedy for a file that must not be on this system at all, such as
     * a photograph of a secret document that no inspection can read. A withdrawn document can be purged
     * too. The audit trail keeps that it happened, with counts only. Anyone but a manager of the owner gets
     * not-found, as for a document they may not open.
     */
    @Transactional
    public void purge(Actor actor, LibraryDocumentId id) {
        OrganizationId owner = jdbc.sql("select owner_id from library_document where id = :id")
                .param("id", id.value())
                .query((row, number) -> OrganizationId.of(row.getLong("owner_id")))
                .optional()
                .filter(library -> permissions.canManage(actor, library))
                .orElseThrow(NotFoundException::hidden);

        List<StoredFileId> stored = new ArrayList<>();
        jdbc.sql("select stored_file_id, rendition_file_id from library_document_version where document_id = :id")
                .param("id", id.value())
                .query((row, number) -> {
                    stored.add(StoredFileId.of(row.getLong("stored_file_id")));
                    long rendition = row.getLong("rendition_file_id");
                    if (!row.wasNull()) {
                        stored.add(StoredFileId.of(rendition));
                    }
                    return null;
                })
                .list();
        for (String table : List.of("library_access", "library_read", "library_distribution", "library_document_tag",
                "library_document_version")) {
            jdbc.sql("delete from " + table + " where document_id = :id").param("id", id.value()).update();
        }
        jdbc.sql("delete from library_document where id = :id").param("id", id.value()).update();
        stored.forEach(files::delete);

        audit.record(new AuditEntry(actor.accountId().value(), owner.value(), "document.purged", TARGET_TYPE,
                id.value(), "files=" + stored.size()));
        log.info("Document {} purged by account {}: {} files deleted", id, actor.accountId(), stored.size());
    }

    private void requireValid(DocumentDetails details) {
        Map<String, String> problems = details.problems(today());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.values().iterator().next());
        }
    }

    private long addVersionRow(Actor actor, LibraryDocumentId id, int versionNo, Path upload, Prepared prepared,
            @Nullable String note, Instant now) {
        LibraryInspection.Inspected inspected = prepared.inspected();
        StoredFile stored = store(upload, inspected.fileName(), inspected.contentType(), actor);
        Path pdf = prepared.rendition();
        StoredFileId rendition = pdf == null ? null
                : store(pdf, pdfName(inspected.fileName()), "application/pdf", actor).id();

        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into library_document_version (document_id, version_no, stored_file_id, rendition_file_id, format,
                                                      page_count, extracted_text, note, uploaded_at, uploaded_by)
                values (:document, :versionNo, :stored, :rendition, :format, :pageCount, :text, :note, :now, :actor)
                """)
                .param("document", id.value())
                .param("versionNo", versionNo)
                .param("stored", stored.id().value())
                .param("rendition", rendition == null ? null : rendition.value())
                .param("format", inspected.format())
                .param("pageCount", inspected.pageCount())
                .param("text", inspected.text())
                .param("note", note)
                .param("now", JdbcTime.param(now))
                .param("actor", actor.accountId().value())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private StoredFile store(Path file, String name, String contentType, Actor actor) {
        try (InputStream content = Files.newInputStream(file)) {
            return files.store(name, contentType, content, actor.accountId().value());
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Inspects the upload and, for an office file or an image, makes the PDF that readers of an internal
     * document get. The PDF is made for public documents too, because an edit may make them internal later.
     */
    private Prepared prepare(Path upload, String uploadedName) {
        LibraryInspection.Inspected inspected = inspection.inspect(upload, uploadedName);
        Path rendition = inspected.needsRendition() ? inspection.rendition(upload, inspected) : null;
        return new Prepared(inspected, rendition);
    }

    /** An inspected upload and its PDF copy in a temporary file, if it needs one. */
    private record Prepared(LibraryInspection.Inspected inspected, @Nullable Path rendition) {

        void deleteRendition() {
            if (rendition != null) {
                deleteQuietly(rendition);
            }
        }
    }

    /** Returns the name with its extension replaced by ".pdf". */
    static String pdfName(String fileName) {
        return fileName.replaceAll("\\.[^.]*$", "") + ".pdf";
    }

    private void writeTags(LibraryDocumentId id, DocumentDetails details) {
        for (String tag : details.tags()) {
            jdbc.sql("insert into library_document_tag (document_id, tag, folded_tag) values (:id, :tag, :folded)")
                    .param("id", id.value())
                    .param("tag", tag)
                    .param("folded", VietnameseText.fold(tag))
                    .update();
        }
    }

    private static Map<String, @Nullable Object> detailParameters(DocumentDetails details, String text) {
        var parameters = new java.util.HashMap<String, @Nullable Object>();
        parameters.put("title", details.title());
        parameters.put("number", details.number());
        parameters.put("issuedOn", details.issuedOn());
        parameters.put("issuingBody", details.issuingBody());
        parameters.put("kind", details.kind().name());
        parameters.put("classification", details.classification().name());
        parameters.put("summary", details.summary());
        parameters.put("searchText", searchText(details, text));
        return parameters;
    }

    private static String searchText(DocumentDetails details, String text) {
        return (details.searchText() + " " + VietnameseText.fold(text)).strip();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException failure) {
            log.warn("Deleting the temporary rendition {} failed: {}", file.getFileName(), failure.getMessage());
        }
    }
}
