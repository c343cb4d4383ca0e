package vn.chibo.system;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The characters that no text field keeps, removed from every form field, query parameter and JSON
 * string before a controller reads it: NUL and the other control characters except tab, line feed and
 * carriage return, the bidirectional controls (U+200E, U+200F, U+061C, U+202A to U+202E and U+2066 to
 * U+2069) and unpaired surrogates. Removing instead of rejecting keeps pasted text usable. PostgreSQL
 * rejects NUL in text columns, and bidirectional controls let text show in another order than it is
 * stored and searched.
 */
public final class InputText {

    private static final Pattern REMOVED = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]"
                    + "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    private InputText() {
    }

    /** Returns the text without the removed characters; the same instance when it has none. */
    public static String strip(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x200E && c <= 0x206F || c == 0x061C
                    || Character.isSurrogate(c)) {
                return REMOVED.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    public static @Nullable String stripOrNull(@Nullable String text) {
        return text == null ? null : strip(text);
    }
}
