package vn.chibo.member.importing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.DateUtil;
import org.jspecify.annotations.Nullable;

import vn.chibo.system.VietnameseText;

/**
 * One cell of a roster as read from the file, before it is checked.
 *
 * @param text the cell's text in NFC with white space trimmed; a number from a spreadsheet is written
 *        out in full, without exponent or decimals ("912104729")
 * @param excelDate the date a spreadsheet number stands for as an Excel date serial, or null for text
 * @param formula whether the cell is a formula, and what the reader could make of it
 */
record RawCell(String text, @Nullable LocalDate excelDate, Formula formula) {

    static final RawCell BLANK = new RawCell("", null);

    /**
     * Formulas in roster files. A workbook stores the value each formula last computed, and that value
     * is what the secretary saw, so it is taken with a warning. A formula without a stored value, or
     * the text of a formula in a CSV file, which nothing computes, rejects the row.
     */
    enum Formula {
        /** A plain value. */
        NONE,
        /** A workbook formula with the value it last computed, which the cell's text holds. */
        CACHED,
        /** A workbook formula without a usable computed value (never computed, or an error such as #REF!). */
        NO_VALUE,
        /** Text that starts with "=" in a CSV file: a formula that no program computed. */
        TEXT
    }

    RawCell(String text, @Nullable LocalDate excelDate) {
        this(text, excelDate, Formula.NONE);
    }

    /** A formula cell without a usable value. */
    static final RawCell FORMULA_WITHOUT_VALUE = new RawCell("", null, Formula.NO_VALUE);

    /** Returns the cell as the computed value of a workbook formula. */
    RawCell asFormula() {
        return isBlank() ? FORMULA_WITHOUT_VALUE : new RawCell(text, excelDate, Formula.CACHED);
    }

    /** Returns a cell of a text file, marked as formula text when it starts with "=". */
    static RawCell textFileCell(@Nullable String text) {
        RawCell cell = text(text);
        return cell.text.startsWith("=") ? new RawCell(cell.text, null, Formula.TEXT) : cell;
    }

    /** The serial of 31/12/9999, the last date Excel can show. */
    private static final double LAST_EXCEL_DATE = 2_958_465;

    static RawCell text(@Nullable String text) {
        return text == null ? BLANK : new RawCell(VietnameseText.clean(text), null);
    }

    /**
     * Returns a spreadsheet number as typed, such as a phone number whose leading 0 Excel dropped.
     * Where the number is in Excel's date range, the cell also carries the date it would be, because
     * only the column tells whether it is a date.
     *
     * @param date1904 whether the workbook counts dates from 1904, as old Excel for Mac did
     */
    static RawCell number(double value, boolean date1904) {
        if (!Double.isFinite(value)) {
            return BLANK;
        }
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        LocalDate date = value >= 1 && value <= LAST_EXCEL_DATE
                ? DateUtil.getLocalDateTime(value, date1904).toLocalDate()
                : null;
        return new RawCell(text, date);
    }

    boolean isBlank() {
        return text.isEmpty() && excelDate == null && formula != Formula.NO_VALUE;
    }
}
