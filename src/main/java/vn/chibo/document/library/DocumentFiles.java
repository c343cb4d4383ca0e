package vn.chibo.document.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    DocumentFiles(LibraryDocuments documents, FileStore files, LibraryInspection inspection, AccessLog accessLog,
            ReadReceipts receipts, Members members, Clock clock, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.documents = documents;
        this.files = files;
        this.inspection = inspection;
        this.accessLog = accessLog;
        this.receipts = receipts;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Returns the content for the reader, who closes it, and logs the access. The watermark is stamped
     * before the transaction that logs the access, so that no database connection waits on it.
     *
     * @param clientAddress the address the request came from
     */
    public ServedFile serve(Actor actor, LibraryDocumentId id, AccessLog.Action action, @Nullable String clientAddress) {
        LibraryDocument document = documents.get(actor, id);
        DocumentVersion version = documents.currentVersion(id);
        Instant now = clock.instant();

        ServedFile served = document.isInternal() ? watermarked(actor, version, now) : asStored(version);
        try {
            transactions.executeWithoutResult(status -> {
                accessLog.record(actor, version, action, served.watermarked(), clientAddress, now);
                if (actor.memberId() != null && action != AccessLog.Action.SAVED_OFFLINE) {
                    receipts.record(id, actor.memberId(), now);
                }
            });
        }
        catch (RuntimeException failure) {
            served.close();
            throw failure;
        }
        log.info("Document {} version {} served to account {} ({}, watermarked: {})", id, version.versionNo(),
                actor.accountId(), action, served.watermarked());
        return served;
    }

    private ServedFile asStored(DocumentVersion version) {
        StoredFile stored = stored(version.storedFileId());
        return new ServedFile(stored.fileName(), stored.contentType(), stored.sizeBytes(), files.open(stored.id()),
                false, false);
    }

    /** Stamps the PDF into a temporary file that closing the returned stream deletes. */
    private ServedFile watermarked(Actor actor, DocumentVersion version, Instant now) {
        StoredFileId pdf = version.format().equals("PDF") ? version.storedFileId() : version.renditionFileId();
        if (pdf == null) {
            log.warn("Document {} version {} ({}) has no PDF rendition to watermark", version.documentId(),
                    version.versionNo(), version.format());
            throw new ConflictException("document.error.noRendition");
        }
        Reader reader = readerOf(actor);
        String name = DocumentUploads.pdfName(stored(version.storedFileId()).fileName());
        Path copy = null;
        try {
            copy = Files.createTempFile("chibo-watermarked-", ".pdf");
            try (InputStream content = files.open(pdf); OutputStream out = Files.newOutputStream(copy)) {
                inspection.watermark(content, out, reader.name(), reader.number(), now);
            }
            long size = Files.size(copy);
            return new ServedFile(name, "application/pdf", size,
                    Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE), true, true);
        }
        catch (IOException | RuntimeException failure) {
            deleteQuietly(copy);
            throw failure instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failure;
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException failure) {
            log.warn("Deleting the temporary watermarked copy {} failed: {}", file.getFileName(), failure.getMessage());
        }
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

}
