package vn.chibo.system;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
