package vn.chibo.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key exists in Vietnamese, English and German, with a text in each. */
class MessageBundleTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** A message expression with a literal key, such as {@code #{voting.result.for}} or {@code #{home.supervised(...)}}. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

    static Stream<String> basenames() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.contains("_"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("basenames")
    void englishHasEveryVietnameseKey(String basename) throws IOException {
        assertThat(keys(basename + "_en")).containsExactlyElementsOf(keys(basename));
    }

    @ParameterizedTest
    @MethodSource("basenames")
    void germanHasEveryVietnameseKey(String basename) throws IOException {
        assertThat(keys(basename + "_de")).containsExactlyElementsOf(keys(basename));
    }

    @ParameterizedTest
    @MethodSource("basenames")
    void noMessageIsEmpty(String basename) throws IOException {
        for (String bundle : List.of(basename, basename + "_en", basename + "_de")) {
            Properties properties = load(bundle);
            for (String key : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(key)).as(bundle + ": " + key).isNotBlank();
            }
        }
    }

    @Test
    void templatesNameOnlyExistingKeys() throws IOException {
        var known = new TreeSet<String>();
        for (String basename : basenames().toList()) {
            known.addAll(keys(basename));
        }
        var missing = new TreeSet<String>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(file -> file.toString().endsWith(".html")).toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    if (!known.contains(key.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                    }
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(String bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    private static Properties load(String bundle) throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(MESSAGES.resolve(bundle + ".properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
