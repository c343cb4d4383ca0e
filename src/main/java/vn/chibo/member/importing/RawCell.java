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
 */
record RawCell(String text, @Nullable LocalDate excelDate) {

    static final RawCell BLANK = new RawCell("", null);

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
        return text.isEmpty() && excelDate == null;
    }
}
