package vn.chibo.discussion;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cleaning and limits of an opinion's text. */
class OpinionTextTests {

    static Stream<Arguments> cleaned() {
        return Stream.of(
                Arguments.of("  Đồng ý.  ", "Đồng ý."),
                Arguments.of("Dòng 1\r\nDòng 2\rDòng 3", "Dòng 1\nDòng 2\nDòng 3"),
                Arguments.of("Đoạn 1\n\n\n\n\nĐoạn 2", "Đoạn 1\n\nĐoạn 2"),
                Arguments.of("Hết dòng   \nTiếp", "Hết dòng\nTiếp"),
                Arguments.of("Ngu\u0300 ngu\u031b\u0300", "Ngù ngừ"),
                Arguments.of("A\u202eB\u200bC\u0007D", "ABCD"),
                Arguments.of("<b>không phải HTML</b>", "<b>không phải HTML</b>"),
                Arguments.of("Cột\tbảng", "Cột\tbảng"));
    }

    @ParameterizedTest
    @MethodSource("cleaned")
    void cleansText(String text, String expected) {
        assertThat(OpinionText.clean(text)).isEqualTo(expected);
    }

    @Test
    void rejectsBlankText() {
        assertThatThrownBy(() -> OpinionText.clean(" \n\u200b\t "))
                .isInstanceOfSatisfying(InvalidOpinion.class,
                        invalid -> assertThat(invalid.messageKey()).isEqualTo("discussion.error.empty"));
    }

    @Test
    void limitCountsCharactersNotUtf16Units() {
        String longest = "ữ".repeat(OpinionText.MAX_LENGTH);
        String emoji = "\uD83D\uDE00".repeat(OpinionText.MAX_LENGTH);

        assertThat(OpinionText.clean(longest)).hasSize(OpinionText.MAX_LENGTH);
        assertThat(OpinionText.clean(emoji)).isEqualTo(emoji);
        assertThatThrownBy(() -> OpinionText.clean(longest + "a"))
                .isInstanceOfSatisfying(InvalidOpinion.class, invalid -> {
                    assertThat(invalid.messageKey()).isEqualTo("discussion.error.tooLong");
                    assertThat(invalid.messageArguments()).containsExactly(OpinionText.MAX_LENGTH);
                });
    }

    @Test
    void oneLineJoinsLines() {
        assertThat(OpinionText.oneLine("Thứ nhất,\n\nthứ hai\n  và thứ ba.")).isEqualTo("Thứ nhất, thứ hai và thứ ba.");
    }
}
