package vn.chibo.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Renders office documents and images as PDF, so that internal documents can be served as
 * watermarked PDFs.
 *
 * <p>DOCX, XLSX, ODT and ODS go through LibreOffice in headless mode ({@code chibo.document.office-command}),
 * each conversion with its own profile folder, at most {@code max-concurrent-conversions} at a time,
 * and killed with its child processes after {@code conversion-timeout}. When LibreOffice is missing,
 * fails or times out, the rendition is a plain PDF of the extracted text whose first line says that
 * it is a text-only copy. JPEG and PNG images become one A4 page each.
 */
@Component
public class PdfRenditions {

    private static final Logger log = LoggerFactory.getLogger(PdfRenditions.class);

    /**
     * PNG images are decoded in memory to be embedded: 20 megapixels take about 60 MB, and larger ones are
     * read at a lower resolution. JPEG images are not decoded.
     */
    private static final long MAX_PNG_PIXELS = 20_000_000L;

    private final DocumentProperties properties;
    private final MessageSource messages;
    private final Semaphore conversions;

    public PdfRenditions(DocumentProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
        this.conversions = new Semaphore(Math.max(1, properties.maxConcurrentConversions()), true);
    }

    /**
     * Returns a new temporary PDF file rendered from the document; the caller deletes it.
     *
     * @param office the document, which is only read
     * @param format the document's format as the inspection found it; not PDF
     * @param text the document's extracted text, for the text-only copy when LibreOffice fails
     */
    public Path toPdf(Path office, DocumentFileFormat format, String text) {
        if (format == DocumentFileFormat.PDF) {
            throw new IllegalArgumentException("A PDF needs no rendition");
        }
        try {
            if (format.isImage()) {
                return imagePdf(office, format);
            }
            Path converted = convert(office, format.extension(), format.name());
            if (converted != null) {
                return converted;
            }
            log.info("Rendering {} as PDF: serving a text-only copy", format);
            return textPdf(format, text);
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Returns a new temporary PDF that LibreOffice made of an office file in any format it reads, such
     * as DOC, XLS or PPT, or empty when LibreOffice is missing, fails or times out. The caller deletes it.
     *
     * @param extension the file's extension without the dot, from which LibreOffice picks its reader
     */
    public Optional<Path> officeToPdf(Path office, String extension) {
        try {
            return Optional.ofNullable(convert(office, extension, extension.toUpperCase(Locale.ROOT)));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns the PDF that LibreOffice made, or null when it could not make one. */
    private @Nullable Path convert(Path office, String extension, String format) throws IOException {
        Path work = Files.createTempDirectory("chibo-rendition-");
        try {
            if (!conversions.tryAcquire(properties.conversionTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Rendering {} as PDF: no LibreOffice slot free within {}", format,
                        properties.conversionTimeout());
                return null;
            }
            try {
                return runOffice(office, extension, format, work);
            }
            finally {
                conversions.release();
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
        finally {
            deleteTree(work);
        }
    }

    private @Nullable Path runOffice(Path office, String extension, String format, Path work)
            throws IOException, InterruptedException {
        Path input = Files.copy(office, work.resolve("document." + extension));
        Path output = Files.createDirectories(work.resolve("out"));
        List<String> command = List.of(properties.officeCommand(), "--headless", "--norestore", "--nolockcheck",
                "-env:UserInstallation=" + work.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir",
                output.toString(), input.toString());
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("office.log").toFile())
                    .start();
        }
        catch (IOException missing) {
            log.warn("Rendering {} as PDF: LibreOffice ({}) could not be started ({})", format,
                    properties.officeCommand(), missing.getMessage());
            return null;
        }
        if (!process.waitFor(properties.conversionTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process);
            log.warn("Rendering {} as PDF: LibreOffice took longer than {} and was stopped", format,
                    properties.conversionTimeout());
            return null;
        }
        Path pdf = output.resolve("document.pdf");
        if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
            log.warn("Rendering {} as PDF: LibreOffice exited with {} and no PDF", format, process.exitValue());
            return null;
        }
        Path result = Files.createTempFile("chibo-rendition-", ".pdf");
        Files.move(pdf, result, StandardCopyOption.REPLACE_EXISTING);
        log.info("Rendered {} as PDF with LibreOffice ({} bytes)", format, Files.size(result));
        return result;
    }

    /** Kills LibreOffice and every process it started, children first. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().sorted(Comparator.comparing(ProcessHandle::pid).reversed())
                .forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private Path textPdf(DocumentFileFormat format, String text) throws IOException {
        Path result = Files.createTempFile("chibo-rendition-", ".pdf");
        try (OutputStream out = Files.newOutputStream(result)) {
            var document = new Document(PageSize.A4, 56, 56, 56, 56);
            PdfWriter.getInstance(document, out);
            document.open();
            BaseFont font = DocumentFonts.serif();
            String notice = messages.getMessage("document.rendition.textOnly",
                    new Object[] { format.extension().toUpperCase(Locale.ROOT) }, LocaleContextHolder.getLocale());
            document.add(new Paragraph(notice, new Font(font, 10f, Font.ITALIC)));
            var body = new Font(font, 11f);
            for (String line : text.split("\n")) {
                var paragraph = new Paragraph(line, body);
                paragraph.setSpacingBefore(4f);
                document.add(paragraph);
            }
            document.close();
        }
        catch (DocumentException failure) {
            Files.deleteIfExists(result);
            throw new IOException("Could not write the text-only PDF", failure);
        }
        return result;
    }

    private Path imagePdf(Path file, DocumentFileFormat format) throws IOException {
        Path result = Files.createTempFile("chibo-rendition-", ".pdf");
        try (OutputStream out = Files.newOutputStream(result)) {
            Image image = format == DocumentFileFormat.PNG ? pngImage(file) : Image.getInstance(file.toString());
            var document = new Document(PageSize.A4, 28, 28, 28, 28);
            PdfWriter.getInstance(document, out);
            document.open();
            image.scaleToFit(document.getPageSize().getWidth() - 56, document.getPageSize().getHeight() - 56);
            image.setAlignment(Image.ALIGN_CENTER);
            document.add(image);
            document.close();
            return result;
        }
        catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(result);
            log.warn("Rendering {} image as PDF failed ({}); serving a text-only copy", format,
                    failure.getClass().getName());
            return textPdf(format, "");
        }
    }

    /**
     * Reads a PNG to embed. One over {@link #MAX_PNG_PIXELS} is read at a lower resolution, every n-th
     * pixel in each direction, so that an A4 page scanned at 600 dpi still becomes a readable page
     * instead of a blank one, without decoding all of it into memory.
     */
    private static Image pngImage(Path file) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("No reader for the PNG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= MAX_PNG_PIXELS) {
                    return Image.getInstance(file.toString());
                }
                int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_PNG_PIXELS));
                ImageReadParam every = reader.getDefaultReadParam();
                every.setSourceSubsampling(step, step, 0, 0);
                BufferedImage smaller = reader.read(0, every);
                log.info("Embedding a PNG of {} megapixels at 1/{} of its resolution", pixels / 1_000_000, step);
                return Image.getInstance(smaller, null);
            }
            finally {
                reader.dispose();
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException | UncheckedIOException failure) {
            log.warn("Could not delete the temporary folder {}", folder, failure);
        }
    }
}
