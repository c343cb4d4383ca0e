package vn.chibo.system;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

    @Test
    void sortsByGivenNameThenMiddleThenFamily() {
        List<String> expected = List.of(
                "Hoàng Văn An",
                "Phạm Thị Ánh",
                "Lê Văn Ân",
                "Hoàng Văn Ẩn",
                "Trần Văn Bình",
                "Nguyễn Văn Dũng",
                "Vũ Văn Dũng",
                "Phạm Văn Đức",
                "Nguyễn Thị Ngọc Hà",
                "Bùi Thị Lan",
                "Đinh Thị Ỷ Lan",
                "Đặng Văn Ơn",
                "Nguyễn Văn Thắng");
        var shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(7));

        shuffled.sort(VietnameseText.byName(name -> name));

        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "Nghị quyết, nghi quyet",
            "Đảng viên, dang vien",
            "ĐINH THỊ Ỷ LAN, dinh thi y lan",
            "  Nguyễn   Văn  Thắng , nguyen   van  thang" })
    void foldsDiacriticsAndCase(String text, String folded) {
        assertThat(VietnameseText.fold(text)).isEqualTo(folded);
    }

    @Test
    void cleanComposesToNfcAndCollapsesSpaces() {
        String decomposed = Normalizer.normalize("  Nguyễn\u00A0Thị   Ngọc Hà ", Normalizer.Form.NFD);

        String cleaned = VietnameseText.clean(decomposed);

        assertThat(cleaned).isEqualTo("Nguyễn Thị Ngọc Hà");
        assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Nguyễn Văn Thắng", "Đinh Thị Ỷ Lan", "Xóm Bắc, thôn Hòa Bình 3 (cũ)",
            "dv01@example.com", "0912 104 729", "Bí thư chi bộ – nhiệm kỳ 2025-2030", "Ghi chú: «miễn» 50% 😀" })
    void cleanKeepsNormalText(String text) {
        assertThat(VietnameseText.clean(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
            "\u2068", "\u2069", "\u200E", "\u200F", "\u061C" })
    void cleanRemovesBidirectionalControls(String control) {
        String spoofed = "Nguyễn " + control + "Văn" + control + " Thắng" + control;

        assertThat(VietnameseText.clean(spoofed)).isEqualTo("Nguyễn Văn Thắng");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ng<200B>uyễn Văn Thắng|zero-width space",
            "Ngu<200D>yễn Văn<200C> Thắng|zero-width joiner and non-joiner",
            "<FEFF>Nguyễn Văn Thắng<2060>|byte order mark and word joiner",
            "Nguy<00AD>ễn Văn Thắng|soft hyphen",
            "Nguyễn<0000> Văn<0007> Thắng<001B>|control characters",
            "Nguyễn Văn Thắng<E0001><E0041>|tag characters" })
    void cleanRemovesInvisibleCharacters(String text, String kind) {
        assertThat(VietnameseText.clean(withCodePoints(text))).as(kind).isEqualTo("Nguyễn Văn Thắng");
    }

    @Test
    void cleanMakesEverySpaceOne() {
        String spaced = "Nguyễn\tVăn\r\nThắng\u2003Hòa\u3000Bình\u2028Ba\u0085Bốn\u202FNăm";

        assertThat(VietnameseText.clean(spaced)).isEqualTo("Nguyễn Văn Thắng Hòa Bình Ba Bốn Năm");
    }

    @Test
    void cleanComposesAcrossRemovedJoiner() {
        String split = "Nguye\u200D\u0302\u0303n";

        String cleaned = VietnameseText.clean(split);

        assertThat(cleaned).isEqualTo("Nguyễn");
        assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void cleanOrNullTreatsInvisibleAsEmpty() {
        assertThat(VietnameseText.cleanOrNull("\u202E\u200B \uFEFF")).isNull();
        assertThat(VietnameseText.cleanOrNull(" Lan\u202C ")).isEqualTo("Lan");
    }

    /** Returns the text with each "<hex>" replaced by that code point, as a CSV table cannot hold them. */
    @Test
    void textSortsTheVietnameseWay() {
        List<String> names = new ArrayList<>(List.of("Chi bộ thôn Hòa Bình 3", "Chi bộ thôn Đông Xuân",
                "Chi bộ thôn Ấp Mới", "Chi bộ thôn Dương Liễu", "Chi bộ thôn An Phú"));

        names.sort(VietnameseText.byText(name -> name));

        assertThat(names).containsExactly("Chi bộ thôn An Phú", "Chi bộ thôn Ấp Mới", "Chi bộ thôn Dương Liễu",
                "Chi bộ thôn Đông Xuân", "Chi bộ thôn Hòa Bình 3");
    }

    private static String withCodePoints(String text) {
        return Pattern.compile("<([0-9A-F]{4,6})>").matcher(text)
                .replaceAll(match -> new String(Character.toChars(Integer.parseInt(match.group(1), 16))));
    }
}
