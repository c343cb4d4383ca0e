package vn.chibo.document.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.document.FileStore;
import vn.chibo.document.StoredFile;
import vn.chibo.document.StoredFileId;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.ConflictException;
import vn.chibo.system.NotFoundException;

/**
 * Serves the current version of a document to a reader who may open it, and records the access and
 * the reader's read receipt. An internal document's PDF, or the PDF made from any other internal file,
 * is stamped on every page with the reader's name, member number (the account name for a reader with
 * no member record) and the time. A public document is served as stored.
 */
@Component
public class DocumentFiles {

    private static final Logger log = LoggerFactory.getLogger(DocumentFiles.class);

    private final LibraryDocuments documents;
    private final FileStore files;
    private final LibraryInspection inspection;
    private final AccessLog accessLog;
    private final ReadReceipts receipts;
    private final Members members;
    private final Clock clock;

    DocumentFiles(LibraryDocuments documents, FileStore files, LibraryInspection inspection, AccessLog accessLog,
            ReadReceipts receipts, Members members, Clock clock) {
        this.documents = documents;
        this.files = files;
        this.inspection = inspection;
        this.accessLog = accessLog;
        this.receipts = receipts;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Returns the content for the reader, and logs the access in the same transaction.
     *
     * @param clientAddress the address the request came from
     */
    @Transactional
    public ServedFile serve(Actor actor, LibraryDocumentId id, AccessLog.Action action, @Nullable String clientAddress) {
        LibraryDocument document = documents.get(actor, id);
        DocumentVersion version = documents.currentVersion(id);
        Instant now = clock.instant();

        ServedFile served = document.isInternal() ? watermarked(actor, version, now) : asStored(version);

        accessLog.record(actor, version, action, served.watermarked(), clientAddress, now);
        if (actor.memberId() != null) {
            receipts.record(id, actor.memberId(), now);
        }
        log.info("Document {} version {} served to account {} ({}, watermarked: {})", id, version.versionNo(),
                actor.accountId(), action, served.watermarked());
        return served;
    }

    private ServedFile asStored(DocumentVersion version) {
        StoredFile stored = stored(version.storedFileId());
        return new ServedFile(stored.fileName(), stored.contentType(), read(stored.id()), false, false);
    }

    private ServedFile watermarked(Actor actor, DocumentVersion version, Instant now) {
        StoredFileId pdf = version.format().equals("PDF") ? version.storedFileId() : version.renditionFileId();
        if (pdf == null) {
            log.warn("Document {} version {} ({}) has no PDF rendition to watermark", version.documentId(),
                    version.versionNo(), version.format());
            throw new ConflictException("document.error.noRendition");
        }
        Reader reader = readerOf(actor);
        var out = new ByteArrayOutputStream();
        try (InputStream content = files.open(pdf)) {
            inspection.watermark(content, out, reader.name(), reader.number(), now);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        String name = DocumentUploads.pdfName(stored(version.storedFileId()).fileName());
        return new ServedFile(name, "application/pdf", out.toByteArray(), true, true);
    }

    private record Reader(String name, String number) {
    }

    private Reader readerOf(Actor actor) {
        if (actor.memberId() == null) {
            return new Reader(actor.displayName(), actor.username());
        }
        Member member = members.find(MemberId.of(actor.memberId())).orElse(null);
        if (member == null) {
            return new Reader(actor.displayName(), actor.username());
        }
        String number = member.partyCardNumber() == null ? actor.username() : member.partyCardNumber();
        return new Reader(member.fullName(), number);
    }

    private StoredFile stored(StoredFileId id) {
        return files.find(id).orElseThrow(NotFoundException::hidden);
    }

    private byte[] read(StoredFileId id) {
        try (InputStream content = files.open(id)) {
            return content.readAllBytes();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
