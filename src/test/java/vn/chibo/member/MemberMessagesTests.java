package vn.chibo.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.chibo.account.AccountIssuing;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.member.importing.RosterFormat;
import vn.chibo.member.importing.RosterImport;
import vn.chibo.member.importing.RowOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The member bundle in all three languages, and the keys that the member pages and values use. */
class MemberMessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(member\\.[A-Za-z.]+)[}(]");

    @ParameterizedTest
    @ValueSource(strings = { "member_en", "member_de" })
    void translationHasSameKeys(String bundle) throws IOException {
        assertThat(load(bundle).stringPropertyNames()).isEqualTo(load("member").stringPropertyNames());
    }

    @Test
    void templateKeysExist() throws IOException {
        Set<String> keys = load("member").stringPropertyNames();
        var used = new HashSet<String>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/member"))) {
            for (Path template : templates.toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void valueKeysExist() throws IOException {
        Set<String> keys = load("member").stringPropertyNames();
        var used = new HashSet<String>();
        Stream.of(Sex.values()).map(Sex::messageKey).forEach(used::add);
        Stream.of(MembershipStatus.values()).map(MembershipStatus::messageKey).forEach(used::add);
        Stream.of(ActivityStatus.values()).map(ActivityStatus::messageKey).forEach(used::add);
        Stream.of(CellRole.values()).map(CellRole::messageKey).forEach(used::add);
        Stream.of(RosterColumn.values()).map(RosterColumn::messageKey).forEach(used::add);
        Stream.of(RowOutcome.values()).map(outcome -> "member.outcome." + outcome).forEach(used::add);
        Stream.of(RosterImport.Status.values()).map(status -> "member.import.status." + status).forEach(used::add);
        Stream.of(RosterFormat.Separator.values()).map(separator -> "member.preview.separator." + separator)
                .forEach(used::add);
        Stream.of(AccountIssuing.SkipReason.values()).map(reason -> "member.accounts.skip." + reason)
                .forEach(used::add);

        assertThat(keys).containsAll(used);
    }

    private static Properties load(String bundle) throws IOException {
        var properties = new Properties();
        try (InputStream in = MemberMessagesTests.class.getResourceAsStream("/messages/" + bundle + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
