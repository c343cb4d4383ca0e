package vn.chibo.discussion;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans the text of an opinion: plain text in Unicode NFC with its line breaks kept as LF, without
 * invisible characters, without spaces at the ends of lines and with at most one empty line in a row.
 */
final class OpinionText {

    /** The longest opinion in characters (Unicode code points), as the column holds it. */
    static final int MAX_LENGTH = 4000;

    /** Format characters and control characters other than line feed and tab. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\n\\t]]+");

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\p{Z}&&[^\\n]]+(?=\\n|$)");

    private static final Pattern EMPTY_LINES = Pattern.compile("\\n{3,}");

    private OpinionText() {
    }

    /** Returns the cleaned text, failing with {@link InvalidOpinion} when it is empty or too long. */
    static String clean(String text) {
        String lines = LINE_BREAK.matcher(text).replaceAll("\n");
        String visible = INVISIBLE.matcher(lines).replaceAll("");
        String composed = Normalizer.normalize(visible, Normalizer.Form.NFC);
        String trimmed = TRAILING_SPACE.matcher(composed).replaceAll("");
        String cleaned = EMPTY_LINES.matcher(trimmed).replaceAll("\n\n").strip();

        if (cleaned.isEmpty()) {
            throw new InvalidOpinion("discussion.error.empty");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            throw new InvalidOpinion("discussion.error.tooLong", MAX_LENGTH);
        }
        return cleaned;
    }

    /** Returns the text on one line, for the minutes, where each speaker takes one line. */
    static String oneLine(String body) {
        return body.replaceAll("\\s*\\n+\\s*", " ");
    }
}
