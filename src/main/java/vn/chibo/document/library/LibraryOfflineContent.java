package vn.chibo.document.library;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.FileStore;
import vn.chibo.document.StoredFile;
import vn.chibo.document.StoredFileId;
import vn.chibo.offline.OfflineContent;

/**
 * Keeps the newest library documents the actor may open on the device for reading offline: each
 * document's page and its current file, which for an internal document is the reader's own watermarked
 * copy, stamped with the time it was saved. A file over {@link #MAX_FILE_BYTES} keeps only its page.
 * The list comes from {@link LibraryDocuments#list}, under the same visibility rule as every other path.
 */
@Component
class LibraryOfflineContent implements OfflineContent {

    /**
     * How many documents are kept. Enough for what a cell is currently working with, few enough that a
     * phone's storage and a slow link are not filled with the whole library at each refresh.
     */
    static final int MAX_DOCUMENTS = 10;

    private final LibraryDocuments documents;
    private final FileStore files;

    LibraryOfflineContent(LibraryDocuments documents, FileStore files) {
        this.documents = documents;
        this.files = files;
    }

    @Override
    public List<String> pathsFor(Actor actor) {
        List<String> paths = new ArrayList<>();
        documents.list(actor, LibraryDocuments.ListFilter.none(), 1, MAX_DOCUMENTS).entries()
                .forEach(entry -> {
                    paths.add("/documents/" + entry.id().value());
                    DocumentVersion version = documents.currentVersion(entry.id());
                    if (servedSize(entry, version) <= MAX_FILE_BYTES) {
                        // The version in the path makes a new version a new file to the service worker,
                        // which fetches a file only once.
                        paths.add("/documents/" + entry.id().value() + "/file?v=" + version.versionNo());
                    }
                });
        return paths;
    }

    /** Returns the size of the file a reader gets: the PDF of an internal document, else the file as stored. */
    private long servedSize(LibraryEntry entry, DocumentVersion version) {
        StoredFileId served = version.storedFileId();
        if (entry.classification() == Classification.INTERNAL && version.renditionFileId() != null
                && !version.format().equals("PDF")) {
            served = version.renditionFileId();
        }
        return files.find(served).map(StoredFile::sizeBytes).orElse(Long.MAX_VALUE);
    }
}
