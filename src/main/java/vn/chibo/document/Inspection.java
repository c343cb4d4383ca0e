package vn.chibo.document;

import org.jspecify.annotations.Nullable;

/**
 * The result of {@link DocumentInspector} for an accepted upload.
 *
 * @param format the format detected from the content, which the name's extension agrees with
 * @param fileName the checked name, in Unicode NFC
 * @param sizeBytes the size of the file
 * @param text the extracted text, one paragraph (or spreadsheet row) a line, each cleaned with
 *        {@code VietnameseText.clean}; at most {@link DocumentInspector#MAX_TEXT_LENGTH} characters,
 *        and empty for images
 * @param pageCount the number of pages of a PDF, or null for other formats
 */
public record Inspection(DocumentFileFormat format, String fileName, long sizeBytes, String text,
        @Nullable Integer pageCount) {
}
