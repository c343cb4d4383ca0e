package vn.chibo.document.inspection;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Extracts the text of a PDF with PDFBox. PDFBox decodes streams into a temporary file of bounded
 * size instead of the heap, and only the first {@link ExtractionLimits#maxPages()} pages are read.
 */
final class PdfTextExtractor {

    private PdfTextExtractor() {
    }

    /**
     * @throws EncryptedDocument when the PDF is encrypted, with or without a password to open it
     * @throws DecompressionBomb when decoding needs more temporary space than the limits allow
     * @throws IOException when the PDF is damaged
     */
    static ExtractedText extract(Path file, ExtractionLimits limits) throws IOException {
        var cache = MemoryUsageSetting.setupTempFileOnly(limits.maxScratchBytes()).streamCache;
        try (PDDocument document = Loader.loadPDF(file.toFile(), "", cache)) {
            if (document.isEncrypted()) {
                throw new EncryptedDocument("The PDF is encrypted");
            }
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new IOException("The PDF has no pages");
            }
            String firstPage = strip(document, 1, 1, ExtractionLimits.FIRST_PAGE_LENGTH);
            String text = strip(document, 1, Math.min(pages, limits.maxPages()), limits.maxTextLength());
            return new ExtractedText(text, firstPage, pages);
        }
        catch (InvalidPasswordException locked) {
            throw new EncryptedDocument("The PDF needs a password to open");
        }
        catch (IOException failure) {
            if (String.valueOf(failure.getMessage()).contains("Maximum allowed scratch file memory exceeded")) {
                throw new DecompressionBomb("Decoding the PDF needs more than " + limits.maxScratchBytes() + " bytes");
            }
            throw failure;
        }
    }

    private static String strip(PDDocument document, int startPage, int endPage, int maxLength) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(startPage);
        stripper.setEndPage(endPage);
        stripper.setLineSeparator("\n");
        stripper.setSortByPosition(false);
        var collector = new TextCollector(maxLength);
        try {
            stripper.writeText(document, new CollectingWriter(collector));
        }
        catch (TextFull enough) {
            // The text reached its maximum length; the rest of the document is not read.
        }
        return collector.text();
    }

    /** Stops PDFBox's text extraction once the collector is full. */
    private static final class TextFull extends IOException {

        TextFull() {
            super("The text reached its maximum length");
        }
    }

    /** Writes PDFBox's lines into a collector, one paragraph a line. */
    private static final class CollectingWriter extends Writer {

        private final TextCollector collector;

        CollectingWriter(TextCollector collector) {
            this.collector = collector;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    collector.append(buffer, start, i - start);
                    collector.endParagraph();
                    start = i + 1;
                }
            }
            collector.append(buffer, start, offset + length - start);
            if (collector.isFull()) {
                throw new TextFull();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
