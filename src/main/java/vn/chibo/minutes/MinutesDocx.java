package vn.chibo.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.springframework.stereotype.Component;

/**
 * Writes minutes and resolutions as a Word document: the two-column header as a borderless table, the title
 * centred in bold, the body's paragraphs, and the two signature blocks side by side.
 * Fonts are named, not embedded: Times New Roman, for which LibreOffice substitutes Liberation Serif.
 */
@Component
class MinutesDocx {

    private static final String FONT = "Times New Roman";
    private static final int TEXT_SIZE = 13;
    /** The width of the text on A4 between the margins of 30 mm and 15 mm. */
    private static final double TEXT_WIDTH_MILLIMETRES = 210 - 30 - 15;
    /** Twentieths of a point per millimetre, the unit of Word's page measures. */
    private static final double TWIPS_PER_MILLIMETRE = 1440 / 25.4;

    /** Writes the layout as DOCX; the name says which document it is in a failure's message. */
    byte[] write(MinutesLayout layout, String documentName) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(layout.heading() + " " + layout.title());
            pageSetup(document);
            header(document, layout);
            paragraph(document.createParagraph(), ParagraphAlignment.CENTER, 18, layout.heading(), 15, true, false);
            paragraph(document.createParagraph(), ParagraphAlignment.CENTER, 0, layout.title(), TEXT_SIZE, true, false);
            if (layout.draftMark() != null) {
                paragraph(document.createParagraph(), ParagraphAlignment.CENTER, 0, layout.draftMark(), 11, false, true);
            }
            for (MinutesLayout.Paragraph line : layout.paragraphs()) {
                XWPFParagraph paragraph = document.createParagraph();
                paragraph(paragraph, ParagraphAlignment.BOTH, Math.round(MinutesPdf.spacingBefore(line.style())),
                        line.text(), TEXT_SIZE, line.heading(), false);
                if (line.heading()) {
                    keepWithNext(paragraph);
                }
            }
            signatures(document, layout);
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not write the DOCX of " + documentName, failure);
        }
    }

    /** Sets A4 paper with the margins of Vietnamese administrative documents: 30 mm left, 15 mm right, 20 mm top and bottom. */
    private static void pageSetup(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(twips(210));
        size.setH(twips(297));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setLeft(twips(30));
        margins.setRight(twips(15));
        margins.setTop(twips(20));
        margins.setBottom(twips(20));
    }

    private static void header(XWPFDocument document, MinutesLayout layout) {
        XWPFTable table = borderlessTable(document, 45, 55);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph first = left.getParagraphs().get(0);
        if (!layout.committee().isEmpty()) {
            paragraph(first, ParagraphAlignment.CENTER, 0, layout.committee(), 12, false, false);
            first = left.addParagraph();
        }
        paragraph(first, ParagraphAlignment.CENTER, 0, layout.cell(), 12, true, false);
        paragraph(left.addParagraph(), ParagraphAlignment.CENTER, 0, "*", 12, false, false);
        if (layout.number() != null) {
            paragraph(left.addParagraph(), ParagraphAlignment.CENTER, 0, layout.number(), 12, false, false);
        }

        XWPFRun party = paragraph(right.getParagraphs().get(0), ParagraphAlignment.CENTER, 0, layout.party(), 12, true,
                false);
        party.setUnderline(UnderlinePatterns.SINGLE);
        paragraph(right.addParagraph(), ParagraphAlignment.CENTER, 6, layout.placeAndDate(), 12, false, true);
    }

    private static void signatures(XWPFDocument document, MinutesLayout layout) {
        document.createParagraph();
        XWPFTable table = borderlessTable(document, 50, 50);
        signature(table.getRow(0).getCell(0), layout.left());
        signature(table.getRow(0).getCell(1), layout.right());
    }

    private static void signature(XWPFTableCell cell, MinutesLayout.Signature signature) {
        paragraph(cell.getParagraphs().get(0), ParagraphAlignment.CENTER, 0, signature.role(), TEXT_SIZE, true, false);
        paragraph(cell.addParagraph(), ParagraphAlignment.CENTER, 0, signature.hint(), 11, false, true);
        paragraph(cell.addParagraph(), ParagraphAlignment.CENTER, 64, signature.name(), TEXT_SIZE, true, false);
    }

    /** Adds a table of one row and two columns without borders, the columns sharing the text width in percent. */
    private static XWPFTable borderlessTable(XWPFDocument document, int leftPercent, int rightPercent) {
        XWPFTable table = document.createTable(1, 2);
        table.setWidth("100%");
        table.removeBorders();
        int[] percents = { leftPercent, rightPercent };
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() < percents.length) {
            grid.addNewGridCol();
        }
        for (int i = 0; i < percents.length; i++) {
            // LibreOffice lays out columns by the grid, Word by the cell widths, so both are set.
            grid.getGridColArray(i).setW(twips(TEXT_WIDTH_MILLIMETRES * percents[i] / 100.0));
            table.getRow(0).getCell(i).setWidth(percents[i] + "%");
        }
        return table;
    }

    /** Fills the paragraph with one run of text and returns the run. */
    private static XWPFRun paragraph(XWPFParagraph paragraph, ParagraphAlignment alignment, int spacingBeforePoints,
            String text, int size, boolean bold, boolean italic) {
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBefore(spacingBeforePoints * 20);
        paragraph.setSpacingAfter(0);
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setLang("vi-VN");
        run.setText(text);
        return run;
    }

    /** Keeps a heading on the page of the paragraph that follows it. */
    private static void keepWithNext(XWPFParagraph paragraph) {
        CTPPr properties = paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr()
                : paragraph.getCTP().addNewPPr();
        properties.addNewKeepNext();
    }

    private static BigInteger twips(double millimetres) {
        return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MILLIMETRE));
    }
}
