package vn.chibo.member.importing;

import java.util.Locale;

import vn.chibo.system.VietnameseText;

/** Text of roster cells, reduced to the forms the importer compares. */
final class RosterText {

    private RosterText() {
    }

    /**
     * Returns the key of a header or a coded value: folded to lower case without diacritics, notes in
     * brackets dropped, and every run of punctuation or white space made one space. "Nam/Nữ" becomes
     * "nam nu", "Ngày sinh (dd/mm/yyyy)" becomes "ngay sinh".
     */
    static String key(String text) {
        String withoutNotes = text.replaceAll("\\([^)]*\\)", " ");
        return VietnameseText.fold(withoutNotes).replaceAll("[^a-z0-9]+", " ").strip();
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
