package vn.chibo.document.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text folded for search as {@link vn.chibo.system.VietnameseText#fold} folds it, which also remembers
 * where each folded character came from. The search matches on the folded text and highlights the
 * original, so "nghi quyet" marks "Nghị quyết" in a snippet with its tone marks intact.
 */
final class FoldedText {

    private final String original;
    private final String folded;
    private final int[] origin;

    private FoldedText(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
    }

    /** Folds the text one character at a time, so that every folded character points back to its source. */
    static FoldedText of(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        int[] origin = new int[original.length() + 1];
        int position = 0;
        while (position < original.length()) {
            int codePoint = original.codePointAt(position);
            int width = Character.charCount(codePoint);
            String one = foldOne(original.substring(position, position + width));
            for (int index = 0; index < one.length(); index++) {
                origin[folded.length()] = position;
                folded.append(one.charAt(index));
            }
            position += width;
        }
        origin[folded.length()] = original.length();
        return new FoldedText(original, folded.toString(), origin);
    }

    /**
     * Folds one character. A lone combining mark (from text that was not composed) folds to nothing, so
     * the folded text never contains a mark either way.
     */
    static String foldOne(String character) {
        String decomposed = Normalizer.normalize(character, Normalizer.Form.NFD);
        String withoutMarks = decomposed.replaceAll("\\p{M}+", "");
        return withoutMarks.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    String original() {
        return original;
    }

    String folded() {
        return folded;
    }

    /** Returns the index in the original text where the folded character at the index came from. */
    int originalIndex(int foldedIndex) {
        return origin[foldedIndex];
    }

    /** Returns the end in the original text of a match that ends before the folded index. */
    int originalEnd(int foldedEnd) {
        if (foldedEnd == 0) {
            return 0;
        }
        int start = origin[foldedEnd - 1];
        int end = start + Character.charCount(original.codePointAt(start));
        // Marks that follow a letter in text that was not composed belong to that letter.
        while (end < original.length() && Character.getType(original.charAt(end)) == Character.NON_SPACING_MARK) {
            end++;
        }
        return end;
    }
}
