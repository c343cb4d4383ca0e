package vn.chibo.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates hold no text for people to read: every word comes from the message bundles, so that
 * each page reads whole in Vietnamese, English and German. Placeholder text inside an element whose
 * content Thymeleaf replaces is allowed, as are the names of the languages in the language menu.
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][\\w:-]*)([^>]*?)(/?)>", Pattern.DOTALL);
    private static final Pattern READABLE_ATTRIBUTE = Pattern.compile(
            "(?<![:\\w-])(placeholder|title|alt|aria-label)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr");
    private static final Set<String> ALLOWED_LITERALS = Set.of("Tiếng Việt", "English", "Deutsch", "Chi bộ số");

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void templateHasNoLiteralText(Path template) throws IOException {
        String html = COMMENT.matcher(Files.readString(template)).replaceAll("");

        assertThat(literalTexts(html)).as(TEMPLATES.relativize(template).toString()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<p>Xin chào</p>|1",
            "<p th:text=\"#{home.title}\">Xin chào</p>|0",
            "<div th:replace=\"~{x}\"><span>Chữ mẫu</span></div>|0",
            "<p><b th:text=\"${a}\">A</b> và <i th:text=\"${b}\">B</i></p>|1",
            "<input placeholder=\"Họ và tên\">|1",
            "<input th:placeholder=\"#{x}\" placeholder=\"Họ và tên\">|1",
            "<input name=\"q\"><p th:text=\"#{x}\">Tên</p>|0",
            "<span>·</span>|0" })
    void checkerFindsLiteralText(String html, int expected) {
        assertThat(literalTexts(html)).hasSize(expected);
    }

    /** Returns the text outside any element whose content Thymeleaf replaces, and readable attributes. */
    static List<String> literalTexts(String html) {
        var found = new ArrayList<String>();
        Deque<Boolean> replaced = new ArrayDeque<>();
        replaced.push(false);
        Matcher tag = TAG.matcher(html);
        int textStart = 0;
        while (tag.find()) {
            checkText(html.substring(textStart, tag.start()), replaced.peek(), found);
            textStart = tag.end();

            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase();
            String attributes = tag.group(3);
            if (closing) {
                if (replaced.size() > 1) {
                    replaced.pop();
                }
                continue;
            }
            checkAttributes(attributes, found);
            boolean selfClosing = !tag.group(4).isEmpty() || VOID_ELEMENTS.contains(name);
            if (name.equals("script") || name.equals("style")) {
                int end = html.indexOf("</" + name, tag.end());
                textStart = end < 0 ? html.length() : end;
                tag.region(textStart, html.length());
                replaced.push(true);
                continue;
            }
            if (!selfClosing) {
                replaced.push(replaced.peek() || replacesContent(attributes));
            }
        }
        checkText(html.substring(textStart), replaced.peek(), found);
        return found;
    }

    private static boolean replacesContent(String attributes) {
        return attributes.matches("(?s).*\\bth:(text|utext|replace|insert|remove)\\s*=.*");
    }

    private static void checkText(String text, boolean replacedByThymeleaf, List<String> found) {
        String stripped = text.strip();
        if (replacedByThymeleaf || stripped.isEmpty() || !stripped.matches("(?s).*\\p{L}.*")
                || ALLOWED_LITERALS.contains(stripped) || stripped.startsWith("<!DOCTYPE")) {
            return;
        }
        found.add(stripped);
    }

    private static void checkAttributes(String attributes, List<String> found) {
        Matcher readable = READABLE_ATTRIBUTE.matcher(attributes);
        while (readable.find()) {
            if (readable.group(2).matches("(?s).*\\p{L}.*")) {
                found.add(readable.group(1) + "=\"" + readable.group(2) + "\"");
            }
        }
    }
}
