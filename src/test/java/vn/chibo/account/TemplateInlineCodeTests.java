package vn.chibo.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates contain no inline style or script, which the content security policy
 * ({@code style-src 'self'; script-src 'self'}) would block in the browser: no {@code style}
 * attribute or element, no event-handler attribute such as {@code onclick}, no script element
 * without {@code src}, and no {@code javascript:} URL.
 */
class TemplateInlineCodeTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][\\w:-]*)([^>]*)>", Pattern.DOTALL);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("(?<![\\w-])(th:)?style\\s*=",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("(?<![\\w-])(th:)?on[a-z]+\\s*=",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE_ATTRIBUTE = Pattern.compile("(?<![\\w-])(th:)?src\\s*=",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    @Test
    void findsTemplates() throws IOException {
        assertThat(templates().count()).isGreaterThan(30);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void templateHasNoInlineCode(Path template) throws IOException {
        String html = Files.readString(template);

        assertThat(inlineCode(html)).as(TEMPLATES.relativize(template).toString()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<p style=\"color: red\">|1",
            "<p th:style=\"${x}\">|1",
            "<button onclick=\"go()\">|1",
            "<body th:onload=\"${x}\">|1",
            "<a href=\"javascript:go()\">|1",
            "<script>go()</script>|1",
            "<style>p { color: red }</style>|1",
            "<script th:src=\"@{/js/app.js}\" defer></script>|0",
            "<p class=\"onward\" data-style=\"x\">|0",
            "<!-- <p style=\"x\"> -->|0",
            "<input name=\"online\" th:attr=\"aria-label=#{x}\">|0" })
    void detectsInlineCode(String html, int expected) {
        assertThat(inlineCode(html)).hasSize(expected);
    }

    /** Returns each tag that carries inline style or script. */
    static List<String> inlineCode(String html) {
        String withoutComments = COMMENT.matcher(html).replaceAll("");
        Matcher tags = TAG.matcher(withoutComments);
        var found = new java.util.ArrayList<String>();
        while (tags.find()) {
            String name = tags.group(1).toLowerCase();
            String attributes = tags.group(2);
            boolean inline = STYLE_ATTRIBUTE.matcher(attributes).find()
                    || HANDLER_ATTRIBUTE.matcher(attributes).find()
                    || JAVASCRIPT_URL.matcher(attributes).find()
                    || name.equals("style")
                    || name.equals("script") && !SOURCE_ATTRIBUTE.matcher(attributes).find();
            if (inline) {
                found.add(tags.group());
            }
        }
        return found;
    }
}
