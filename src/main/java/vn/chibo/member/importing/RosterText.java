package vn.chibo.member.importing;

import java.util.Locale;

import vn.chibo.system.VietnameseText;

/** Text of roster cells, reduced to the forms the importer compares. */
final class RosterText {

    /** The maximum number of characters of a file's value that messages repeat. Longer values end in "…". */
    static final int EXCERPT_LENGTH = 120;

    private RosterText() {
    }

    /**
     * Returns the key of a header or a coded value: folded to lower case without diacritics, notes in
     * brackets dropped, and every run of punctuation or white space made one space. "Nam/Nữ" becomes
     * "nam nu", "Ngày sinh (dd/mm/yyyy)" becomes "ngay sinh".
     */
    static String key(String text) {
        return VietnameseText.fold(withoutNotes(text)).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /**
     * Returns the text with each note in brackets made a space, as {@code replaceAll("\\([^)]*\\)", " ")}
     * would. That regular expression takes time quadratic in the length of a cell full of opening
     * brackets, so the notes are found with {@code indexOf} instead.
     */
    static String withoutNotes(String text) {
        var result = new StringBuilder(text.length());
        int start = 0;
        while (true) {
            int open = text.indexOf('(', start);
            int close = open < 0 ? -1 : text.indexOf(')', open + 1);
            if (close < 0) {
                break;
            }
            result.append(text, start, open).append(' ');
            start = close + 1;
        }
        return result.append(text, start, text.length()).toString();
    }

    /**
     * Returns the text cut to {@link #EXCERPT_LENGTH} characters with an ellipsis, for a value from the
     * file that a message or the preview page repeats. A cell may hold thousands of characters, and a
     * page that repeats such cells for every row would grow to megabytes.
     */
    static String excerpt(String text) {
        if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH)) + "…";
    }

    /**
     * Returns a name typed all in capitals or all in small letters with each word capitalized, as
     * names are written. A name in mixed case is kept as typed.
     */
    static String capitalizeName(String name) {
        Locale vietnamese = Locale.of("vi");
        boolean allUpper = name.equals(name.toUpperCase(vietnamese));
        boolean allLower = name.equals(name.toLowerCase(vietnamese));
        if (!allUpper && !allLower) {
            return name;
        }
        var result = new StringBuilder(name.length());
        for (String word : name.toLowerCase(vietnamese).split(" ")) {
            if (!result.isEmpty()) {
                result.append(' ');
            }
            if (!word.isEmpty()) {
                int first = word.offsetByCodePoints(0, 1);
                result.append(word.substring(0, first).toUpperCase(vietnamese)).append(word.substring(first));
            }
        }
        return result.toString();
    }
}
