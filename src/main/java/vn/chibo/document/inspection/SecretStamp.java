package vn.chibo.document.inspection;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the secret stamp of Vietnamese state documents ("MẬT", "TỐI MẬT", "TUYỆT MẬT", also written
 * as "ĐỘ MẬT: MẬT") in the text of a first page.
 *
 * <p>The stamp is written in capitals, so only "MẬT" in capitals counts, and never inside a word
 * group that uses it in another sense: "BÍ MẬT" (secret, as in a title about protecting state
 * secrets), "BẢO MẬT" (security), "MẬT KHẨU" (password), "MẬT ĐỘ" (density) and the like. Lower-case
 * "mật" in prose, as in "giữ bí mật", never counts.
 */
public final class SecretStamp {

    /** "MẬT" in capitals as a word of its own, with the word before and the word after it, if any. */
    private static final Pattern LEVEL = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(TUYỆT|TỐI)\\s+)?MẬT(?![\\p{L}\\p{N}])");

    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}\\p{N}]+)[^\\p{L}\\p{N}\\n]*$");
    private static final Pattern WORD_AFTER = Pattern.compile("^[^\\p{L}\\p{N}\\n]*([\\p{L}\\p{N}]+)");

    /** Words in capitals that make "MẬT" after them part of another word group. "ĐỘ MẬT" is the stamp's label. */
    private static final Set<String> BEFORE = Set.of("BÍ", "BẢO", "CƠ", "THÂN", "KÍN", "ĐỘ", "GIỮ", "HUYỀN", "TÍNH");

    /** Words in capitals that make "MẬT" before them part of another word group. */
    private static final Set<String> AFTER = Set.of("KHẨU", "MÃ", "ĐỘ", "ONG", "THIẾT", "VỤ", "THÁM", "BÁO",
            "TÍN", "ƯỚC", "NGỮ", "DANH", "LỆNH", "MƯU", "TẬP", "ĐÀM", "NGHỊ", "KHU", "HIỆU", "THƯ", "GẤU", "MÍA");

    /** The levels, most secret first. */
    private static final List<String> LEVELS = List.of("TUYỆT MẬT", "TỐI MẬT", "MẬT");

    private SecretStamp() {
    }

    /** Returns the level of the secret stamp in the text, such as "TỐI MẬT", or empty when there is none. */
    public static Optional<String> in(String firstPage) {
        String text = Normalizer.normalize(firstPage, Normalizer.Form.NFC);
        Matcher level = LEVEL.matcher(text);
        String found = null;
        while (level.find()) {
            if (standsAlone(text, level)) {
                String stamp = level.group().replaceAll("\\s+", " ");
                if (found == null || LEVELS.indexOf(stamp) < LEVELS.indexOf(found)) {
                    found = stamp;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean standsAlone(String text, Matcher level) {
        // Vietnamese words are short: 40 characters on either side hold the neighbouring word.
        Matcher after = WORD_AFTER.matcher(text.substring(level.end(), Math.min(text.length(), level.end() + 40)));
        if (after.find() && AFTER.contains(after.group(1))) {
            return false;
        }
        if (level.group(1) != null) {
            return true;
        }
        Matcher before = WORD_BEFORE.matcher(text.substring(Math.max(0, level.start() - 40), level.start()));
        return !(before.find() && BEFORE.contains(before.group(1)));
    }
}
