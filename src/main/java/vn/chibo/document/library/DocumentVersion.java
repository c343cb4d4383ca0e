package vn.chibo.document.library;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.document.StoredFileId;

/**
 * One upload of a document's file. The highest version number is the current one, which readers get.
 *
 * @param renditionFileId the PDF made from an office file, served in its place to readers of an
 *        internal document so that it can carry a watermark; null for a PDF or an image
 * @param format the format detected from the content, such as {@code PDF} or {@code DOCX}
 * @param pageCount the number of pages, or null when the format has none
 * @param uploaderName the display name of the account that uploaded it
 */
public record DocumentVersion(long id, LibraryDocumentId documentId, int versionNo, StoredFileId storedFileId,
        @Nullable StoredFileId renditionFileId, String format, @Nullable Integer pageCount, @Nullable String note,
        Instant uploadedAt, long uploadedBy, String uploaderName, String fileName, long sizeBytes) {
}
