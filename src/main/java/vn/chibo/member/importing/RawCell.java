package vn.chibo.member.importing;

import java.time.LocalDate;

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

    static RawCell text(@Nullable String text) {
        return text == null ? BLANK : new RawCell(VietnameseText.clean(text), null);
    }

    boolean isBlank() {
        return text.isEmpty() && excelDate == null;
    }
}
