package vn.chibo.document.handbook;

import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The handbook's Markdown renderer keeps formatting and drops everything that could run or load. */
class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** The tags the renderer may write; anything else means raw HTML got through. */
    private static final Set<String> ALLOWED_TAGS = Set.of("body", "p", "h2", "h3", "h4", "ul", "ol", "li", "strong",
            "em", "a", "blockquote", "code", "pre", "hr", "br", "table", "thead", "tbody", "tr", "th", "td");

    static Stream<Arguments> unsafe() {
        return Stream.of(
                Arguments.of("script block", "<script>alert(1)</script>"),
                Arguments.of("inline script", "Text <script>alert(1)</script> more"),
                Arguments.of("javascript link", "[click](javascript:alert(1))"),
                Arguments.of("javascript link, mixed case", "[click](JaVaScRiPt:alert(1))"),
                Arguments.of("javascript link, entity", "[click](&#106;avascript:alert(1))"),
                Arguments.of("javascript link, reference", "[click][x]\n\n[x]: javascript:alert(1)"),
                Arguments.of("data link", "[click](data:text/html;base64,PHNjcmlwdD4=)"),
                Arguments.of("vbscript link", "[click](vbscript:msgbox(1))"),
                Arguments.of("event handler on an image", "<img src=x onerror=alert(1)>"),
                Arguments.of("event handler on a link", "<a href=\"/\" onclick=\"alert(1)\">x</a>"),
                Arguments.of("raw iframe", "<iframe src=\"https://evil.example\"></iframe>"),
                Arguments.of("raw style", "<style>body{display:none}</style>"),
                Arguments.of("raw div block", "<div class=\"x\">\nboxed\n</div>"),
                Arguments.of("image of another host", "![logo](https://evil.example/track.png)"),
                Arguments.of("local image", "![logo](/icons/icon-192.png)"),
                Arguments.of("autolink javascript", "<javascript:alert(1)>"),
                Arguments.of("html comment", "<!-- hidden --> text"),
                Arguments.of("svg with script", "<svg><script>alert(1)</script></svg>"),
                Arguments.of("form", "<form action=\"/logout\" method=\"post\"><button>x</button></form>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void unsafeInputIsRemoved(String name, String markdown) {
        String html = renderer.render(markdown);
        Document document = Jsoup.parseBodyFragment(html);

        for (Element element : document.body().getAllElements()) {
            assertThat(ALLOWED_TAGS).as(html).contains(element.tagName());
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(html).isIn("href");
            }
        }
        for (Element link : document.select("a[href]")) {
            assertThat(link.attr("href")).as(html).matches("(https?:|mailto:|/|#).*");
        }
        // Text such as "javascript:alert(1)" may stay as words; it must never be in an attribute or a comment.
        assertThat(html).as(html).doesNotContainIgnoringCase("href=\"javascript").doesNotContainIgnoringCase("href=\"data")
                .doesNotContainIgnoringCase("href=\"vbscript").doesNotContain("<!--");
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertThat(renderer.render("<b>bold</b>")).isEqualTo("<p>&lt;b&gt;bold&lt;/b&gt;</p>\n");
    }

    @Test
    void imageBecomesItsAltText() {
        assertThat(renderer.render("See ![the logo](https://evil.example/x.png) here"))
                .isEqualTo("<p>See the logo here</p>\n");
    }

    @Test
    void formattingIsKept() {
        String html = renderer.render("""
                ## Trước buổi sinh hoạt

                - **Đọc** tài liệu
                - *Báo* vắng

                1. Khai mạc

                > Trích dẫn

                [Sổ tay](/handbook) và [trang ngoài](https://example.org/a?b=1) và [thư](mailto:chi-bo@example.org)
                """);

        assertThat(html).contains("<h2>Trước buổi sinh hoạt</h2>", "<li><strong>Đọc</strong> tài liệu</li>",
                "<em>Báo</em>", "<ol>", "<blockquote>", "<a href=\"/handbook\">Sổ tay</a>",
                "<a href=\"https://example.org/a?b=1\">trang ngoài</a>", "<a href=\"mailto:chi-bo@example.org\">thư</a>");
    }

    @Test
    void teamTextParsesTitleLine() {
        var text = HandbookDefaults.TeamText.parse("# Một buổi sinh hoạt\r\n\r\nNội dung.\r\n");

        assertThat(text.title()).isEqualTo("Một buổi sinh hoạt");
        assertThat(text.markdown()).isEqualTo("Nội dung.\n");
    }
}
