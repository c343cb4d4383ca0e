package vn.chibo.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Writes minutes and resolutions as an A4 PDF. The text is set in DejaVu Serif, shipped in {@code fonts/} with its
 * licence, because no standard PDF font covers Vietnamese. The font is embedded as Identity-H with a
 * ToUnicode map, so that text copied out of the PDF is the text as typed.
 */
@Component
class MinutesPdf {

    private static final float MILLIMETRE = 72f / 25.4f;
    private static final float TEXT_SIZE = 13f;

    private final BaseFont regular;
    private final BaseFont bold;

    MinutesPdf() {
        this.regular = font("DejaVuSerif.ttf");
        this.bold = font("DejaVuSerif-Bold.ttf");
    }

    /** Writes the layout as PDF; the name says which document it is in a failure's message. */
    byte[] write(MinutesLayout layout, String documentName) {
        var out = new ByteArrayOutputStream();
        // Page margins of Vietnamese administrative documents: 30 mm left, 15 mm right, 20 mm top and bottom.
        var document = new Document(PageSize.A4, 30 * MILLIMETRE, 15 * MILLIMETRE, 20 * MILLIMETRE,
                20 * MILLIMETRE);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            // Justify by widening the spaces between words only, never the gaps between letters.
            writer.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
            document.addTitle(layout.heading() + " " + layout.title());
            document.setDocumentLanguage("vi");
            document.open();
            document.add(header(layout));
            document.add(centred(layout.heading(), bold, 15f, 18f));
            document.add(centred(layout.title(), bold, TEXT_SIZE, 2f));
            if (layout.draftMark() != null) {
                document.add(centred(layout.draftMark(), new Font(regular, 11f, Font.ITALIC), 4f));
            }
            for (MinutesLayout.Paragraph paragraph : layout.paragraphs()) {
                document.add(body(paragraph));
            }
            document.add(signatures(layout));
        }
        catch (DocumentException failure) {
            throw new IllegalStateException("Could not write the PDF of " + documentName, failure);
        }
        finally {
            document.close();
        }
        return out.toByteArray();
    }

    private PdfPTable header(MinutesLayout layout) throws DocumentException {
        var table = new PdfPTable(new float[] { 45, 55 });
        table.setWidthPercentage(100);
        PdfPCell left = borderless();
        if (!layout.committee().isEmpty()) {
            left.addElement(centred(layout.committee(), new Font(regular, 12f), 0f));
        }
        left.addElement(centred(layout.cell(), new Font(bold, 12f), 0f));
        left.addElement(centred("*", new Font(regular, 12f), 0f));
        if (layout.number() != null) {
            left.addElement(centred(layout.number(), new Font(regular, 12f), 0f));
        }
        PdfPCell right = borderless();
        right.addElement(centred(layout.party(), new Font(bold, 12f, Font.UNDERLINE), 0f));
        right.addElement(centred(layout.placeAndDate(), new Font(regular, 12f, Font.ITALIC), 6f));
        table.addCell(left);
        table.addCell(right);
        return table;
    }

    private PdfPTable signatures(MinutesLayout layout) throws DocumentException {
        var table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setSpacingBefore(24f);
        table.setKeepTogether(true);
        table.addCell(signature(layout.left()));
        table.addCell(signature(layout.right()));
        return table;
    }

    private PdfPCell signature(MinutesLayout.Signature signature) {
        PdfPCell cell = borderless();
        cell.addElement(centred(signature.role(), new Font(bold, TEXT_SIZE), 0f));
        cell.addElement(centred(signature.hint(), new Font(regular, 11f, Font.ITALIC), 0f));
        cell.addElement(centred(signature.name(), new Font(bold, TEXT_SIZE), 64f));
        return cell;
    }

    private Paragraph body(MinutesLayout.Paragraph paragraph) {
        var text = new Paragraph(paragraph.text(), new Font(paragraph.heading() ? bold : regular, TEXT_SIZE));
        text.setAlignment(Element.ALIGN_JUSTIFIED);
        text.setSpacingBefore(spacingBefore(paragraph.style()));
        return text;
    }

    /** Returns the space above a paragraph in points, which the DOCX export shares. */
    static float spacingBefore(MinutesLayout.Style style) {
        return switch (style) {
            case SECTION -> 8f;
            case ITEM -> 5f;
            case TEXT -> 2f;
        };
    }

    private static Paragraph centred(String text, BaseFont font, float size, float spacingBefore) {
        return centred(text, new Font(font, size), spacingBefore);
    }

    private static Paragraph centred(String text, Font font, float spacingBefore) {
        var paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private static PdfPCell borderless() {
        var cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static BaseFont font(String file) {
        try (InputStream in = MinutesPdf.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font fonts/" + file + " is missing from the application");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read the font " + file, failure);
        }
        catch (DocumentException failure) {
            throw new IllegalStateException("Could not load the font " + file, failure);
        }
    }
}
