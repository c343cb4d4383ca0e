package vn.chibo.document.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a document's text around the first place where the search terms occur, cut into parts so
 * that the page marks the matches with {@code <mark>} while Thymeleaf still escapes every character.
 *
 * @param parts the text in order; the matching parts have {@code match} set
 * @param cutBefore whether text before the snippet was left out, shown as "…"
 * @param cutAfter whether text after it was left out
 */
public record Snippet(List<Part> parts, boolean cutBefore, boolean cutAfter) {

    /** How many characters of context a snippet shows around its first match. */
    static final int WIDTH = 220;

    public Snippet {
        parts = List.copyOf(parts);
    }

    public record Part(String text, boolean match) {
    }

    /** Returns the whole text with every occurrence of the terms marked, for a title. */
    static Snippet marked(String text, List<String> terms) {
        FoldedText folded = FoldedText.of(text);
        return new Snippet(mark(folded, 0, folded.folded().length(), terms), false, false);
    }

    /** Returns the start of the text, cut at a word, for a result whose match lies elsewhere. */
    static Snippet opening(String text) {
        FoldedText folded = FoldedText.of(text);
        int end = wordEnd(folded.folded(), Math.min(WIDTH, folded.folded().length()));
        return new Snippet(mark(folded, 0, end, List.of()), false, end < folded.folded().length());
    }

    /**
     * Returns the part of the text around the best place to show, or nothing when no term occurs: where
     * the whole phrase occurs, else where the longest term starts a word, else where any term occurs.
     * The window starts and ends at spaces where it can, so that words stay whole.
     */
    static java.util.Optional<Snippet> around(String text, List<String> terms) {
        FoldedText folded = FoldedText.of(text);
        int first = bestPlace(folded.folded(), terms);
        if (first < 0) {
            return java.util.Optional.empty();
        }
        int length = folded.folded().length();
        int start = Math.max(0, first - WIDTH / 3);
        int end = Math.min(length, start + WIDTH);
        start = wordStart(folded.folded(), start, first);
        end = wordEnd(folded.folded(), end);
        return java.util.Optional.of(new Snippet(mark(folded, start, end, terms), start > 0, end < length));
    }

    /**
     * Rates how well the text shows the terms, to choose between a summary and the file's text: the whole
     * phrase at the start of a word beats any number of words apart, and more words beat fewer.
     */
    static int fit(String text, List<String> terms) {
        if (terms.isEmpty()) {
            return 0;
        }
        String folded = FoldedText.of(text).folded();
        if (terms.size() > 1 && wordStartIndex(folded, String.join(" ", terms), 0) >= 0) {
            return terms.size() + 1;
        }
        return (int) terms.stream().filter(term -> wordStartIndex(folded, term, 0) >= 0).count();
    }

    private static int bestPlace(String folded, List<String> terms) {
        if (terms.isEmpty()) {
            return -1;
        }
        int phrase = folded.indexOf(String.join(" ", terms));
        if (phrase >= 0) {
            return phrase;
        }
        List<String> longestFirst = terms.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String term : longestFirst) {
            int at = wordStartIndex(folded, term, 0);
            if (at >= 0) {
                return at;
            }
        }
        return longestFirst.stream().mapToInt(folded::indexOf).filter(at -> at >= 0).min().orElse(-1);
    }

    /** Returns where the term next occurs at the start of a word, from the index on, or -1. */
    private static int wordStartIndex(String folded, String term, int from) {
        int at = folded.indexOf(term, from);
        while (at >= 0 && !startsWord(folded, at)) {
            at = folded.indexOf(term, at + 1);
        }
        return at;
    }

    private static boolean startsWord(String folded, int at) {
        return at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1));
    }

    private static int wordStart(String text, int start, int limit) {
        if (start == 0) {
            return 0;
        }
        int space = text.indexOf(' ', start);
        return space >= 0 && space < limit ? space + 1 : start;
    }

    private static int wordEnd(String text, int end) {
        if (end >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', end);
        return space > end - WIDTH / 4 ? space : end;
    }

    /** Cuts the folded range into parts, marking the occurrences of terms; overlapping matches merge. */
    private static List<Part> mark(FoldedText folded, int start, int end, List<String> terms) {
        boolean[] matched = new boolean[end - start];
        String window = folded.folded().substring(start, end);
        for (String term : terms) {
            // Only matches at the start of a word are marked, so that "so" marks "số" and not "cơ sở".
            int at = wordStartIndex(window, term, 0);
            while (at >= 0) {
                java.util.Arrays.fill(matched, at, at + term.length(), true);
                at = wordStartIndex(window, term, at + term.length());
            }
        }
        List<Part> parts = new ArrayList<>();
        int runStart = 0;
        for (int index = 1; index <= matched.length; index++) {
            if (index == matched.length || matched[index] != matched[runStart]) {
                int from = folded.originalIndex(start + runStart);
                int to = folded.originalEnd(start + index);
                parts.add(new Part(folded.original().substring(from, to), matched[runStart]));
                runStart = index;
            }
        }
        return parts;
    }
}
