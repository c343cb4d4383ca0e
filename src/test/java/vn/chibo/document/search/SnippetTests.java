package vn.chibo.document.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.chibo.system.InvalidInputException;

/** Folding, query words and the marking of matches in titles and snippets. */
class SnippetTests {

    /** Shows a snippet as text with its matches in brackets. */
    private static String shown(Snippet snippet) {
        String parts = snippet.parts().stream()
                .map(part -> part.match() ? "[" + part.text() + "]" : part.text())
                .collect(Collectors.joining());
        return (snippet.cutBefore() ? "…" : "") + parts + (snippet.cutAfter() ? "…" : "");
    }

    @ParameterizedTest(name = "\"{1}\" in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Dự thảo Nghị quyết tháng 12          | nghi quyet     | Dự thảo [Nghị] [quyết] tháng 12
            Dự thảo Nghị quyết tháng 12          | nghị quyết     | Dự thảo [Nghị] [quyết] tháng 12
            Báo cáo của Đảng ủy xã               | dang uy        | Báo cáo của [Đảng] [ủy] xã
            Báo cáo của Đảng ủy xã               | d              | Báo cáo của [Đ]ảng ủy xã
            Ủy ban kiểm tra                      | uy             | [Ủy] ban kiểm tra
            Chuyển đổi số ở thôn                 | chuyen doi so  | [Chuyển] [đổi] [số] ở thôn
            Số 05-NQ/ĐU                          | 05-nq/du       | Số [05-NQ/ĐU]
            Đảng viên                            | xyz            | Đảng viên
            """)
    void marksMatchesInTheOriginal(String title, String query, String expected) {
        assertThat(shown(Snippet.marked(title, SearchQuery.parse(query).terms()))).isEqualTo(expected);
    }

    @Test
    void marksTextThatWasNotComposed() {
        // "Nghị" written as N, g, h, i and a combining dot below, as some PDF text layers give it.
        String decomposed = "Nghi\u0323 quye\u0302\u0301t";

        assertThat(shown(Snippet.marked(decomposed, List.of("nghi")))).isEqualTo("[Nghi\u0323] quye\u0302\u0301t");
        assertThat(shown(Snippet.marked(decomposed, List.of("quyet")))).isEqualTo("Nghi\u0323 [quye\u0302\u0301t]");
    }

    @Test
    void snippetCutsAtWords() {
        String text = "Mở đầu ".repeat(60) + "chi bộ biểu quyết thông qua nghị quyết" + " kết thúc".repeat(60);

        Snippet snippet = Snippet.around(text, List.of("bieu quyet")).orElseThrow();

        String shown = shown(snippet);
        assertThat(shown).startsWith("…Mở đầu").endsWith("…").contains("chi bộ [biểu quyết] thông qua");
        assertThat(shown.length()).isLessThan(Snippet.WIDTH + 20);
    }

    @Test
    void findsNothingWhenNoTermOccurs() {
        assertThat(Snippet.around("Nghị quyết", List.of("bieu"))).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Nghị  quyết,   tháng 12!        | nghi quyet thang 12
            nghị quyết nghị quyết           | nghi quyet
            '   '                           | ''
            100%                            | 100
            05-NQ/ĐU                        | 05-nq/du
            """)
    void parsesQueries(String raw, String terms) {
        assertThat(String.join(" ", SearchQuery.parse(raw).terms())).isEqualTo(terms);
    }

    @Test
    void queryTooLongRejected() {
        assertThatThrownBy(() -> SearchQuery.parse("a".repeat(201)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("document.search.error.tooLong");
        assertThatThrownBy(() -> SearchQuery.parse("a b c d e f g h i"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("document.search.error.tooManyWords");
    }

    @Test
    void escapesLikeCharacters() {
        assertThat(SearchQuery.containsPattern("100%_a\\b")).isEqualTo("%100\\%\\_a\\\\b%");
    }
}
