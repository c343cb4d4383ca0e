package vn.chibo.document.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.system.InvalidInputException;
import vn.chibo.system.VietnameseText;

/**
 * What a reader typed in the search box, cleaned and folded into terms. Every term must occur in a
 * document for it to be found; the order of terms matters only for ranking, where the whole phrase
 * counts more.
 *
 * @param text the query as typed, cleaned, to show back in the box
 * @param terms the folded words, without repeats, at most {@link #MAX_TERMS}
 * @param phrase the folded query as one string
 */
record SearchQuery(String text, List<String> terms, String phrase) {

    /** The maximum query length, because longer text is more likely pasted by mistake than meant. */
    static final int MAX_LENGTH = 200;

    /** More words than this narrow a search to nothing and make each query slower. */
    static final int MAX_TERMS = 8;

    /**
     * Parses the query. A blank query gives no terms, which finds nothing.
     *
     * @throws InvalidInputException when the query is longer than {@link #MAX_LENGTH} characters or has
     *     more than {@link #MAX_TERMS} words
     */
    static SearchQuery parse(@Nullable String raw) {
        String text = raw == null ? "" : VietnameseText.clean(raw);
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("document.search.error.tooLong", MAX_LENGTH);
        }
        String phrase = VietnameseText.fold(text).replaceAll("[\\p{Punct}&&[^\\-/.]]+", " ").strip();
        List<String> terms = Arrays.stream(phrase.split("\\s+"))
                .filter(term -> !term.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))
                .stream()
                .toList();
        if (terms.size() > MAX_TERMS) {
            throw new InvalidInputException("document.search.error.tooManyWords", MAX_TERMS);
        }
        return new SearchQuery(text, terms, String.join(" ", terms));
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Returns the term as a LIKE pattern that finds it anywhere, with LIKE's own characters escaped. */
    static String containsPattern(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
