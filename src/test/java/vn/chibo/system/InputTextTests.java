package vn.chibo.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputTextTests {

    @Test
    void removesNulAndControls() {
        assertThat(InputText.strip("a\u0000b\u0007c\u001bd\u007fe\u0085f")).isEqualTo("abcdef");
    }

    @Test
    void keepsTabAndLineBreaks() {
        assertThat(InputText.strip("dòng 1\r\n\tdòng 2")).isEqualTo("dòng 1\r\n\tdòng 2");
    }

    @Test
    void removesBidiControls() {
        assertThat(InputText.strip("\u202Egnp.exe\u202C \u2066x\u2069\u200E\u200F\u061C")).isEqualTo("gnp.exe x");
    }

    @Test
    void removesUnpairedSurrogatesOnly() {
        assertThat(InputText.strip("a\uD800b\uDC00c")).isEqualTo("abc");
        assertThat(InputText.strip("ý kiến 👍")).isEqualTo("ý kiến 👍");
    }

    @Test
    void keepsVietnameseAndPunctuation() {
        String text = "Nghị quyết “tháng 12” – Chi bộ thôn Hòa Bình 3 \u200D";

        assertThat(InputText.strip(text)).isSameAs(text);
    }
}
