package vn.chibo.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The meeting and home texts exist in Vietnamese, English and German, and every key a page names exists. */
class MeetingMessagesTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{((?:meeting|home)\\.[A-Za-z0-9_.]+)[}(]");

    @ParameterizedTest
    @ValueSource(strings = { "meeting", "home" })
    void translationsHaveSameKeys(String module) throws IOException {
        Set<String> vietnamese = keys("/messages/" + module + ".properties");

        assertThat(keys("/messages/" + module + "_en.properties")).isEqualTo(vietnamese);
        assertThat(keys("/messages/" + module + "_de.properties")).isEqualTo(vietnamese);
    }

    @ParameterizedTest
    @ValueSource(strings = { "meeting", "home" })
    void templatesNameExistingKeys(String folder) throws IOException {
        Set<String> known = new TreeSet<>(keys("/messages/meeting.properties"));
        known.addAll(keys("/messages/home.properties"));
        var missing = new TreeSet<String>();

        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates", folder))) {
            for (Path template : templates.toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(String resource) throws IOException {
        var properties = new Properties();
        try (InputStream in = MeetingMessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
