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
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key exists in Vietnamese, English and German, with a text in each. */
class MessageBundleTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

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
