package vn.chibo.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.chibo.system.ChiboProperties;
import vn.chibo.system.VietnameseText;

/**
 * Prints the reader's mark on every page of a PDF: a faint diagonal line with the reader's name and
 * number across the page, and a footer line such as "Lưu hành nội bộ · Bản của Nguyễn Văn An · số
 * thẻ 123456 · 05/12/2026 20:15". Both are real text in DejaVu Serif (embedded as a subset), so that
 * they survive text extraction and a copy can be traced to its reader.
 *
 * <p>The PDF is copied to a temporary file and PDFBox keeps decoded streams in temporary files, so a
 * large PDF never needs to fit in the heap. The temporary file is deleted afterwards.
 */
@Component
public class PdfWatermarker {

    private static final Logger log = LoggerFactory.getLogger(PdfWatermarker.class);

    private static final float FOOTER_SIZE = 8f;
    private static final float FOOTER_MARGIN = 18f;
    private static final float MAX_DIAGONAL_SIZE = 40f;

    private final MessageSource messages;
    private final DateTimeFormatter time;

    public PdfWatermarker(MessageSource messages, ChiboProperties properties) {
        this.messages = messages;
        this.time = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(properties.zone());
    }

    /**
     * Writes the PDF with the mark on every page to {@code out}. The caller closes both streams.
     *
     * @throws UncheckedIOException when the PDF cannot be read, or {@code out} cannot be written
     */
    public void stamp(InputStream pdf, OutputStream out, Watermark mark) {
        @Nullable Path copy = null;
        try {
            copy = Files.createTempFile("chibo-watermark-", ".pdf");
            Files.copy(pdf, copy, StandardCopyOption.REPLACE_EXISTING);
            stampFile(copy, out, mark);
        }
        catch (IOException failure) {
            log.warn("Watermarking a PDF failed ({})", failure.getClass().getName());
            throw new UncheckedIOException(failure);
        }
        finally {
            deleteQuietly(copy);
        }
    }

    private void stampFile(Path file, OutputStream out, Watermark mark) throws IOException {
        var cache = MemoryUsageSetting.setupTempFileOnly().streamCache;
        try (PDDocument document = Loader.loadPDF(file.toFile(), "", cache)) {
            // The inspector rejects encrypted uploads. A PDF stored before that check, with an owner
            // password alone, opens here and its copy is saved without encryption.
            document.setAllSecurityToBeRemoved(true);
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(DocumentFonts.serifBytes()), true);
            String name = printable(font, VietnameseText.clean(mark.readerName()));
            String number = printable(font, VietnameseText.clean(mark.readerNumber()));
            var locale = LocaleContextHolder.getLocale();
            String footer = messages.getMessage("document.watermark.footer",
                    new Object[] { name, number, time.format(mark.at()) }, locale);
            String diagonal = messages.getMessage("document.watermark.diagonal", new Object[] { name, number },
                    locale);

            var faint = new PDExtendedGraphicsState();
            faint.setNonStrokingAlphaConstant(0.15f);
            for (PDPage page : document.getPages()) {
                stampPage(document, page, font, faint, footer, diagonal);
            }
            document.save(out);
            log.info("Watermarked a PDF of {} pages", document.getNumberOfPages());
        }
    }

    private static void stampPage(PDDocument document, PDPage page, PDType0Font font, PDExtendedGraphicsState faint,
            String footer, String diagonal) throws IOException {
        PDRectangle box = page.getCropBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        boolean sideways = rotation == 90 || rotation == 270;
        // Width and height as the reader sees the page, after the page's own rotation.
        float width = sideways ? box.getHeight() : box.getWidth();
        float height = sideways ? box.getWidth() : box.getHeight();

        try (var content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
            content.transform(upright(box, rotation));

            content.saveGraphicsState();
            content.setGraphicsStateParameters(faint);
            content.setNonStrokingColor(0.5f, 0f, 0f);
            float diagonalLength = (float) Math.hypot(width, height);
            float diagonalSize = fitted(font, diagonal, diagonalLength * 0.75f, MAX_DIAGONAL_SIZE);
            float textWidth = font.getStringWidth(diagonal) / 1000 * diagonalSize;
            double angle = Math.atan2(height, width);
            float startX = (float) (width / 2 - Math.cos(angle) * textWidth / 2);
            float startY = (float) (height / 2 - Math.sin(angle) * textWidth / 2);
            content.beginText();
            content.setFont(font, diagonalSize);
            content.setTextMatrix(Matrix.getRotateInstance(angle, startX, startY));
            content.showText(diagonal);
            content.endText();
            content.restoreGraphicsState();

            float footerSize = fitted(font, footer, width - 2 * FOOTER_MARGIN, FOOTER_SIZE);
            float footerWidth = font.getStringWidth(footer) / 1000 * footerSize;
            content.setNonStrokingColor(0.35f, 0.35f, 0.35f);
            content.beginText();
            content.setFont(font, footerSize);
            content.newLineAtOffset((width - footerWidth) / 2, FOOTER_MARGIN / 2);
            content.showText(footer);
            content.endText();
        }
    }

    /**
     * Returns the transformation from the page's coordinates to those of the page as the reader sees
     * it, with the crop box's lower left corner as origin, so that the mark stands upright on a page
     * that the PDF rotates by 90, 180 or 270 degrees.
     */
    private static Matrix upright(PDRectangle box, int rotation) {
        float x = box.getLowerLeftX();
        float y = box.getLowerLeftY();
        return switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, x + box.getWidth(), y);
            case 180 -> new Matrix(-1, 0, 0, -1, x + box.getWidth(), y + box.getHeight());
            case 270 -> new Matrix(0, -1, 1, 0, x, y + box.getHeight());
            default -> Matrix.getTranslateInstance(x, y);
        };
    }

    /** Returns the font size at which the text fills at most the width, and at most {@code maxSize}. */
    private static float fitted(PDType0Font font, String text, float width, float maxSize) throws IOException {
        float unitWidth = font.getStringWidth(text) / 1000;
        return unitWidth <= 0 ? maxSize : Math.min(maxSize, width / unitWidth);
    }

    /** Returns the text with every character that the font cannot draw, such as an emoji, replaced by "?". */
    private static String printable(PDType0Font font, String text) {
        var result = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = Character.toString(codePoint);
            try {
                font.encode(character);
                result.append(character);
            }
            catch (IOException | IllegalArgumentException missing) {
                result.append('?');
            }
        });
        return result.toString();
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException failure) {
            log.warn("Could not delete the temporary file {}", file, failure);
        }
    }
}
