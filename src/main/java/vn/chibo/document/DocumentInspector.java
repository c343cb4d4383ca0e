package vn.chibo.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.chibo.document.inspection.ContentDetector;
import vn.chibo.document.inspection.DecompressionBomb;
import vn.chibo.document.inspection.DetectedContent;
import vn.chibo.document.inspection.EncryptedDocument;
import vn.chibo.document.inspection.ExtractedText;
import vn.chibo.document.inspection.ExtractionTimedOut;
import vn.chibo.document.inspection.ExtractionLimits;
import vn.chibo.document.inspection.SecretStamp;
import vn.chibo.document.inspection.TextExtraction;

/**
 * Checks an uploaded file before anything of it is kept, and extracts its text for search.
 *
 * <p>It rejects, each with its own {@code document.refused.*} message: an invalid name, an empty or
 * too large file, a content whose type (detected from the bytes, never the name) is not one of
 * {@link DocumentFileFormat} or does not match the name's extension, a program, an encrypted or
 * damaged file, a decompression bomb, a PDF whose text takes more than 30 seconds to extract, an
 * image that declares too many pixels, and a document stamped secret on its first page. Parsers run
 * with limits on memory, temporary disk space and text length, and a parser's failure becomes a
 * refusal, never a server error.
 *
 * <p>It only reads the file it is given and keeps nothing of it, not even in the log (which gets an
 * inspection id, the format and the size, never the name or the text). The caller owns the file and
 * deletes it, whatever the outcome.
 */
@Component
public class DocumentInspector {

    /** The maximum number of characters of text extracted from one document. */
    public static final int MAX_TEXT_LENGTH = 1_000_000;

    /**
     * The largest image accepted, in pixels: a chosen bound of 100 megapixels, which admits ordinary
     * photos and an A4 page scanned at 600 dpi (35 megapixels).
     */
    public static final long MAX_IMAGE_PIXELS = 100_000_000L;

    private static final Logger log = LoggerFactory.getLogger(DocumentInspector.class);

    private static final ExtractionLimits LIMITS = new ExtractionLimits(MAX_TEXT_LENGTH, 2_000,
            256L * 1024 * 1024, 256L * 1024 * 1024, MAX_IMAGE_PIXELS);

    private final DocumentProperties properties;

    public DocumentInspector(DocumentProperties properties) {
        this.properties = properties;
    }

    /**
     * Checks the upload and returns its format and text.
     *
     * @param upload a temporary file holding the upload, which the caller deletes afterwards
     * @param uploadedName the name the uploader's device gave the file
     * @throws DocumentRefused when the file is not accepted
     */
    public Inspection inspect(Path upload, String uploadedName) {
        String fileName = checkedName(uploadedName);
        long size = sizeOf(upload);
        if (size == 0) {
            throw new DocumentRefused("document.refused.empty", fileName);
        }
        if (size > properties.maxSize().toBytes()) {
            throw new DocumentRefused("document.refused.tooLarge", fileName, properties.maxSize().toMegabytes());
        }
        DocumentFileFormat claimed = DocumentFileFormat.claimedBy(fileName)
                .orElseThrow(() -> new DocumentRefused("document.refused.unsupported", fileName,
                        DocumentFileFormat.acceptedExtensions()));

        String inspectionId = UUID.randomUUID().toString().substring(0, 8);
        DetectedContent content = detect(upload);
        DocumentFileFormat format = formatOf(content, claimed, fileName, inspectionId);
        ExtractedText extracted = extract(upload, format, fileName, inspectionId);
        SecretStamp.in(extracted.firstPage()).ifPresent(level -> {
            log.info("Inspection {}: {} of {} bytes rejected, stamped secret on its first page", inspectionId, format,
                    size);
            throw new DocumentRefused("document.refused.secret", fileName, level);
        });
        log.info("Inspection {}: {} of {} bytes accepted, {} characters of text", inspectionId, format, size,
                extracted.text().length());
        return new Inspection(format, fileName, size, extracted.text(), extracted.pageCount());
    }

    /**
     * Returns the media type of the file's content, told from its bytes alone, such as
     * {@code application/pdf}; also for formats that the library does not accept, such as
     * {@code application/msword}, and {@code application/x-executable} for programs.
     */
    public String contentTypeOf(Path file) {
        return detect(file).contentType();
    }

    /** Returns the largest document file accepted ({@code chibo.document.max-size}) in whole megabytes. */
    public long maxSizeMegabytes() {
        return properties.maxSize().toMegabytes();
    }

    /** Returns the name in Unicode NFC, or refuses a blank or too long name, or one with a path or control character. */
    static String checkedName(String uploadedName) {
        String name = Normalizer.normalize(uploadedName, Normalizer.Form.NFC).strip();
        if (name.isEmpty()) {
            throw new DocumentRefused("document.refused.nameMissing");
        }
        if (name.length() > FileNames.MAX_LENGTH) {
            throw new DocumentRefused("document.refused.nameTooLong", FileNames.MAX_LENGTH);
        }
        boolean invalid = name.chars().anyMatch(character -> character == '/' || character == '\\'
                || Character.getType(character) == Character.CONTROL
                || Character.getType(character) == Character.FORMAT);
        if (invalid) {
            throw new DocumentRefused("document.refused.nameInvalid");
        }
        return name;
    }

    private static DocumentFileFormat formatOf(DetectedContent content, DocumentFileFormat claimed, String fileName,
            String inspectionId) {
        if (content.executable()) {
            log.info("Inspection {}: rejected, the content is a program ({})", inspectionId, content.contentType());
            throw new DocumentRefused("document.refused.executable", fileName);
        }
        if (content.encrypted()) {
            log.info("Inspection {}: rejected, an encrypted Office file", inspectionId);
            throw new DocumentRefused("document.refused.encrypted", fileName);
        }
        DocumentFileFormat actual = DocumentFileFormat.ofContentType(content.contentType()).orElse(null);
        if (actual == null && claimed.isOffice() && content.contentType().equals("application/zip")) {
            // A ZIP archive without the parts of any office format is most likely a damaged one.
            log.info("Inspection {}: rejected, named {} but a ZIP archive without its parts", inspectionId, claimed);
            throw new DocumentRefused("document.refused.damaged", fileName, claimed.extension().toUpperCase(Locale.ROOT));
        }
        if (actual != claimed) {
            log.info("Inspection {}: rejected, named {} but the content is {}", inspectionId, claimed,
                    content.contentType());
            throw new DocumentRefused("document.refused.mismatch", fileName, claimed.extension().toUpperCase(Locale.ROOT),
                    content.label());
        }
        return actual;
    }

    private static ExtractedText extract(Path upload, DocumentFileFormat format, String fileName,
            String inspectionId) {
        try {
            return TextExtraction.extract(upload, format, LIMITS);
        }
        catch (EncryptedDocument encrypted) {
            log.info("Inspection {}: {} rejected, encrypted", inspectionId, format);
            throw new DocumentRefused("document.refused.encrypted", fileName);
        }
        catch (DecompressionBomb bomb) {
            log.warn("Inspection {}: {} rejected as a decompression bomb: {}", inspectionId, format,
                    String.valueOf(bomb.getMessage()).lines().findFirst().orElse(""));
            throw new DocumentRefused("document.refused.bomb", fileName);
        }
        catch (ExtractionTimedOut slow) {
            log.warn("Inspection {}: {} rejected, its text extraction timed out", inspectionId, format);
            throw new DocumentRefused("document.refused.tooComplex", fileName);
        }
        catch (TextExtraction.ImageTooLarge image) {
            log.info("Inspection {}: {} rejected, {} by {} pixels", inspectionId, format, image.width(),
                    image.height());
            throw new DocumentRefused("document.refused.imageTooLarge", fileName, image.width(), image.height(),
                    MAX_IMAGE_PIXELS / 1_000_000);
        }
        catch (IOException | RuntimeException | StackOverflowError damaged) {
            // A parser's message may quote the document's text, so only the exception's type is logged.
            log.warn("Inspection {}: {} rejected as damaged ({})", inspectionId, format,
                    damaged.getClass().getName());
            throw new DocumentRefused("document.refused.damaged", fileName, format.extension().toUpperCase(Locale.ROOT));
        }
    }

    private static DetectedContent detect(Path file) {
        try {
            return ContentDetector.detect(file);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static long sizeOf(Path upload) {
        try {
            return Files.size(upload);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
