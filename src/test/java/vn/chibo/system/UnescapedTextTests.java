package vn.chibo.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates escape every value: {@code th:utext} and {@code [(...)]} write HTML as it is, so each use
 * must be listed here with the reason that no user's text can reach it.
 */
class UnescapedTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** "template: expression" of each unescaped output, with the reason it is safe. */
    private static final Map<String, String> ALLOWED = Map.of(
            "meeting/check-in-screen.html: ${qr}",
            "an SVG that QrSvg draws from the check-in code, with no user's text in it",
            "account/two-factor-enrol.html: ${qr}",
            "an SVG that QrSvg draws from the otpauth URI of a generated secret, with no user's text in it",
            "handbook/page.html: ${page.html}",
            "handbook Markdown rendered by MarkdownRenderer, which escapes raw HTML, and cleaned by jsoup's allow-list",
            "handbook/edit.html: ${savedHtml}",
            "the same rendering of the saved page, shown under the form as its preview");

    private static final Pattern UNESCAPED = Pattern.compile("(?:th:utext|data-th-utext)=\"([^\"]*)\"|\\[\\((.*?)\\)]");

    @Test
    void templatesEscapeUserText() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher matcher = UNESCAPED.matcher(Files.readString(file));
                while (matcher.find()) {
                    String expression = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    found.add(TEMPLATES.relativize(file).toString().replace('\\', '/') + ": " + expression);
                }
            }
        }

        assertThat(found).as("Unescaped output not in UnescapedTextTests.ALLOWED").isSubsetOf(ALLOWED.keySet());
        assertThat(ALLOWED.keySet()).as("Entries of UnescapedTextTests.ALLOWED no template uses").isSubsetOf(found);
    }
}
