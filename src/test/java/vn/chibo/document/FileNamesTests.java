package vn.chibo.document;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../../../etc/passwd.pdf|passwd.pdf",
            "..\\..\\windows\\du-thao.pdf|du-thao.pdf",
            "C:\\Users\\an\\Nghị quyết.pdf|Nghị quyết.pdf",
            "CON.pdf|_CON.pdf",
            "nul|_nul",
            "com1.tar.gz|_com1.tar.gz",
            "lpt9.pdf|_lpt9.pdf",
            "console.pdf|console.pdf",
            ".htaccess|htaccess",
            "..pdf|pdf",
            "du-thao.pdf. . |du-thao.pdf",
            "du:thao*?<x>.pdf|du_thao___x_.pdf",
            "\"><svg onload=alert(1)>.pdf|___svg onload=alert(1)_.pdf",
            "...|tai-lieu",
    })
    void makesNamesSafe(String uploaded, String stored) {
        assertThat(FileNames.safe(uploaded, "tai-lieu")).isEqualTo(stored);
    }

    @Test
    void removesControlAndBidiCharacters() {
        assertThat(FileNames.safe("du\u0000thao\r\nContent-Type: x.pdf", "f")).isEqualTo("duthao Content-Type_ x.pdf");
        assertThat(FileNames.safe("\u202Efdp.exe", "f")).isEqualTo("fdp.exe");
    }

    @Test
    void composesVietnamese() {
        String decomposed = Normalizer.normalize("Dự thảo.pdf", Normalizer.Form.NFD);

        assertThat(FileNames.safe(decomposed, "f")).isEqualTo("Dự thảo.pdf");
    }

    @Test
    void shortensLongNamesKeepingExtension() {
        String stored = FileNames.safe("ệ".repeat(400) + ".pdf", "f");

        assertThat(stored).hasSize(FileNames.MAX_LENGTH).endsWith("ệ.pdf");
    }

    @Test
    void neverCutsSurrogatePair() {
        String stored = FileNames.safe("a" + "😀".repeat(200) + ".pdf", "f");

        assertThat(stored).endsWith(".pdf").hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(stored.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(FileNames.safe("", "roster")).isEqualTo("roster");
        assertThat(FileNames.safe("/", "roster")).isEqualTo("roster");
        assertThat(FileNames.safe("\u0000\u200B", "roster")).isEqualTo("roster");
    }
}
