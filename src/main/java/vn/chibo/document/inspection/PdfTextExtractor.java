package vn.chibo.document.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.InflaterInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Extracts the text of a PDF with PDFBox. PDFBox decodes streams into a temporary file of bounded
 * size instead of the heap, and only the first {@link ExtractionLimits#maxPages()} pages are read.
 * The pages' content streams may decode to at most {@link ExtractionLimits#maxInflatedBytes()}
 * together, and the extraction stops after {@link #MAX_DURATION}, because a small PDF can otherwise
 * keep a core busy for minutes (a compressed stream of gigabytes of spaces, or a form drawn
 * thousands of times).
 */
final class PdfTextExtractor {

    /** The longest the text extraction of one PDF may take; the sample documents take well under a second. */
    static final Duration MAX_DURATION = Duration.ofSeconds(30);

    /** The largest raw content stream with filters other than FlateDecode alone, which PDFBox decodes in memory. */
    private static final long MAX_OTHER_FILTER_BYTES = 1024 * 1024;

    private PdfTextExtractor() {
    }

    /**
     * @throws EncryptedDocument when the PDF is encrypted, with or without a password to open it
     * @throws DecompressionBomb when decoding needs more temporary space than the limits allow, or the
     *         pages' content decodes to more than they allow
     * @throws ExtractionTimedOut when the extraction takes longer than {@link #MAX_DURATION}
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
            int readPages = Math.min(pages, limits.maxPages());
            checkContentSize(document, readPages, limits.maxInflatedBytes());
            long deadline = System.nanoTime() + MAX_DURATION.toNanos();
            String firstPage = strip(document, 1, 1, ExtractionLimits.FIRST_PAGE_LENGTH, deadline);
            String text = strip(document, 1, readPages, limits.maxTextLength(), deadline);
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

    /**
     * Decodes the content streams of the pages that will be read, and fails when they add up to more
     * than the limit. FlateDecode, the filter of nearly every content stream, is inflated as a stream
     * here, because PDFBox 3.0 decodes a content stream into memory unless it is a single stream with
     * that filter alone.
     */
    private static void checkContentSize(PDDocument document, int pages, long maxBytes) throws IOException {
        var counter = new InflationBudget(maxBytes);
        for (int i = 0; i < pages; i++) {
            Iterator<PDStream> streams = document.getPage(i).getContentStreams();
            while (streams.hasNext()) {
                COSStream stream = streams.next().getCOSObject();
                List<COSName> filters = filtersOf(stream);
                if (filters.isEmpty()) {
                    counter.add(stream.getLength());
                }
                else if (filters.equals(List.of(COSName.FLATE_DECODE))) {
                    try (InputStream inflated = new InflaterInputStream(stream.createRawInputStream())) {
                        counter.drain(inflated);
                    }
                }
                else {
                    // NOTE: other filters (LZW, ASCII85, chains) are decoded by PDFBox in memory; they are
                    // rare in content streams, and the raw size is capped so that this stays small.
                    if (stream.getLength() > MAX_OTHER_FILTER_BYTES) {
                        throw new DecompressionBomb("A content stream with filters " + filters + " has "
                                + stream.getLength() + " bytes");
                    }
                    try (InputStream decoded = stream.createInputStream()) {
                        counter.drain(decoded);
                    }
                }
            }
        }
    }

    private static List<COSName> filtersOf(COSStream stream) {
        COSBase filters = stream.getFilters();
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        var names = new ArrayList<COSName>();
        if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                names.add(item instanceof COSName name ? name : COSName.getPDFName("Invalid"));
            }
        }
        return names;
    }

    private static String strip(PDDocument document, int startPage, int endPage, int maxLength, long deadline)
            throws IOException {
        var stripper = new DeadlineTextStripper(deadline);
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

    /** A text stripper that gives up once the deadline has passed, checked at every content stream operator. */
    private static final class DeadlineTextStripper extends PDFTextStripper {

        private final long deadline;

        DeadlineTextStripper(long deadline) {
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new ExtractionTimedOut("The text extraction took longer than " + MAX_DURATION);
            }
            super.processOperator(operator, operands);
        }
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
