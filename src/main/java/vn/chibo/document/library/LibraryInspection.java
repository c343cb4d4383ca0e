package vn.chibo.document.library;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.document.DocumentFileFormat;
import vn.chibo.document.DocumentInspector;
import vn.chibo.document.DocumentRefused;
import vn.chibo.document.Inspection;
import vn.chibo.document.PdfRenditions;
import vn.chibo.document.PdfWatermarker;
import vn.chibo.document.Watermark;

/**
 * The library's use of the document module's inspection, renditions and watermarks, in the terms the
 * library stores: a format name, the extracted text and the page count.
 */
@Component
class LibraryInspection {

    private final DocumentInspector inspector;
    private final PdfRenditions renditions;
    private final PdfWatermarker watermarker;

    LibraryInspection(DocumentInspector inspector, PdfRenditions renditions, PdfWatermarker watermarker) {
        this.inspector = inspector;
        this.renditions = renditions;
        this.watermarker = watermarker;
    }

    /**
     * The findings of the inspection of an accepted upload.
     *
     * @param format the format detected from the content, such as {@code PDF}
     * @param fileName the safe form of the uploaded name
     * @param text the extracted text, limited in size, for search
     * @param pageCount the number of pages, or null when the format has none
     */
    record Inspected(String format, String contentType, String fileName, long sizeBytes, String text,
            @Nullable Integer pageCount) {

        /**
         * Returns whether readers of an internal document get a PDF made from this file in its place: every
         * format but PDF, because only a PDF carries the watermark.
         */
        boolean needsRendition() {
            return !isPdf();
        }

        boolean isPdf() {
            return format.equals("PDF");
        }
    }

    /**
     * Inspects the upload: detects the format from the content, refuses what the library does not take,
     * a document stamped secret above all, and extracts the text.
     *
     * @throws DocumentRefused when the file is not accepted
     */
    Inspected inspect(Path upload, String uploadedName) {
        Inspection inspection = inspector.inspect(upload, uploadedName);
        DocumentFileFormat format = inspection.format();
        return new Inspected(format.name(), format.contentType(), inspection.fileName(), inspection.sizeBytes(),
                inspection.text(), inspection.pageCount());
    }

    /** Returns the refusal of a document that its uploader declares secret, with the law's explanation. */
    RuntimeException secretDeclared() {
        return DocumentRefused.secretDeclared();
    }

    /**
     * Makes the PDF that readers of an internal document get in place of an office file or an image, to
     * be deleted by the caller.
     */
    Path rendition(Path file, Inspected inspected) {
        return renditions.toPdf(file, DocumentFileFormat.valueOf(inspected.format()), inspected.text());
    }

    /** Copies the PDF to the output with the reader's name, number and the time on every page. */
    void watermark(InputStream pdf, OutputStream out, String readerName, String readerNumber, Instant at) {
        watermarker.stamp(pdf, out, new Watermark(readerName, readerNumber, at));
    }
}
