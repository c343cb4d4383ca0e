package vn.chibo.document.inspection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretStampTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "MẬT | MẬT",
            "TỐI MẬT | TỐI MẬT",
            "TUYỆT MẬT | TUYỆT MẬT",
            "ĐỘ MẬT: MẬT | MẬT",
            "Độ mật: TUYỆT MẬT | TUYỆT MẬT",
            "ĐẢNG BỘ XÃ MINH AN        MẬT | MẬT",
            "Số: 12-NQ/ĐU   TỐI  MẬT | TỐI MẬT",
            "MẬT\\nNGHỊ QUYẾT | MẬT",
            "Đảng viên phải giữ bí mật nội dung cuộc họp. | none",
            "NGHỊ QUYẾT VỀ CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC | none",
            "HƯỚNG DẪN ĐỔI MẬT KHẨU | none",
            "MẬT ĐỘ DÂN SỐ CỦA XÃ | none",
            "QUAN HỆ MẬT THIẾT VỚI NHÂN DÂN | none",
            "Tài liệu mật không được lưu trên máy có Internet. | none",
            "ĐỘ MẬT: | none",
            "Mật | none",
            "MẬTKHẨU | none" })
    void findsOnlyStamps(String text, String level) {
        assertThat(SecretStamp.in(text.replace("\\n", "\n")).orElse(null)).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "MẬT ... TUYỆT MẬT | TUYỆT MẬT",
            "TỐI MẬT\\nMẬT | TỐI MẬT" })
    void reportsHighestLevel(String text, String level) {
        assertThat(SecretStamp.in(text.replace("\\n", "\n"))).contains(level);
    }

    @ParameterizedTest(name = "decomposed {0}")
    @CsvSource({ "MẬT", "TỐI MẬT" })
    void decomposedLettersCount(String stamp) {
        String decomposed = java.text.Normalizer.normalize(stamp, java.text.Normalizer.Form.NFD);

        assertThat(SecretStamp.in(decomposed)).contains(stamp);
    }
}
