package vn.chibo.system;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.ibm.icu.text.CollationKey;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import org.jspecify.annotations.Nullable;

/**
 * Vietnamese names and search text.
 *
 * <p>Vietnamese lists sort people by given name, then middle name, then family name: "Hoàng Văn An",
 * then "Phạm Thị Ánh", then "Lê Văn Ân". Collation follows ICU's Vietnamese rules, where "â" and "đ"
 * are letters of their own after "a" and "d", and tone marks only break ties.
 */
public final class VietnameseText {

    private static final ULocale VIETNAMESE = new ULocale("vi");

    /** Vietnamese collation. A frozen ICU collator is immutable, so threads may share it. */
    private static final Collator COLLATOR = frozenCollator();

    /** Format characters, and control characters other than white space, which clean() removes. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\s\\u0085]]+");

    /** White space: ASCII, the next-line control and every Unicode space or separator, such as U+00A0. */
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u0085\\p{Z}]+");

    private VietnameseText() {
    }

    private static Collator frozenCollator() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return collator.freeze();
    }

    /**
     * Returns the text in Unicode NFC with invisible characters removed, runs of white space made one
     * space and the ends trimmed. Invisible are the format characters (Unicode category Cf, such as
     * the bidirectional controls U+202A to U+202E and U+2066 to U+2069, zero-width spaces and joiners,
     * and the byte order mark) and the control characters other than white space. Bidirectional
     * controls would let a name show on screen in another order than it is stored and searched.
     */
    public static String clean(String text) {
        String visible = INVISIBLE.matcher(text).replaceAll("");
        String composed = Normalizer.normalize(visible, Normalizer.Form.NFC);
        return WHITE_SPACE.matcher(composed).replaceAll(" ").strip();
    }

    /** Returns the cleaned text, or null where nothing but white space and invisible characters is left. */
    public static @Nullable String cleanOrNull(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String cleaned = clean(text);
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * Folds text for search: lower case, no tone marks or other diacritics, and "đ" as "d", so that
     * "nghi quyet" matches "Nghị quyết".
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutMarks = decomposed.replaceAll("\\p{M}+", "");
        return withoutMarks.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip();
    }

    /**
     * Splits a full name into the parts it sorts by: the given name (last word), the middle names,
     * and the family name (first word). A one-word name is a given name only.
     */
    static String[] sortParts(String fullName) {
        String[] words = clean(fullName).split(" ");
        if (words.length < 2) {
            return new String[] { words[0], "", "" };
        }
        String middle = String.join(" ", Arrays.copyOfRange(words, 1, words.length - 1));
        return new String[] { words[words.length - 1], middle, words[0] };
    }

    /**
     * Returns a comparator that orders items by the Vietnamese order of the names it extracts. It keeps
     * the collation keys of the names it has compared, so make a new one for each sort. A sort compares
     * each name several times, and cleaning and splitting the name each time took a quarter of the
     * app's read of a meeting's votes in a profile of the meeting evening.
     */
    public static <T> Comparator<T> byName(Function<T, String> fullName) {
        Map<String, CollationKey[]> keys = new ConcurrentHashMap<>();
        return (left, right) -> compareKeys(keys.computeIfAbsent(fullName.apply(left), VietnameseText::nameKeys),
                keys.computeIfAbsent(fullName.apply(right), VietnameseText::nameKeys));
    }

    /**
     * Returns a comparator that orders items by the Vietnamese order of the whole text it extracts, for
     * names that are no person's, such as "Chi bộ thôn Đông Xuân" before "Chi bộ thôn Hòa Bình 3".
     */
    public static <T> Comparator<T> byText(Function<T, String> text) {
        return (left, right) -> COLLATOR.compare(text.apply(left), text.apply(right));
    }

    /** Returns the collation keys of the given, middle and family name, in the order they sort by. */
    private static CollationKey[] nameKeys(String fullName) {
        String[] parts = sortParts(fullName);
        var keys = new CollationKey[parts.length];
        for (int i = 0; i < parts.length; i++) {
            keys[i] = COLLATOR.getCollationKey(parts[i]);
        }
        return keys;
    }

    private static int compareKeys(CollationKey[] left, CollationKey[] right) {
        // Each part is compared whole, tone marks included, before the next part is looked at: "Ân"
        // sorts before "Ẩn" whatever the family names are.
        for (int i = 0; i < left.length; i++) {
            int order = left[i].compareTo(right[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
