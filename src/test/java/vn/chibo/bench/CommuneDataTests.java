package vn.chibo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commune that the commune profile generates for bench/embedded.sh, at a small size: 4 cells,
 * 60 members and 3 months of meetings, each taken through the product's services to the end.
 */
@SqlTest
@ActiveProfiles("commune")
@TestPropertySource(properties = { "chibo.commune.cells=4", "chibo.commune.members=60", "chibo.commune.months=3",
        "chibo.commune.manifest=target/commune-tests/manifest.properties" })
class CommuneDataTests {

    private static final Path MANIFEST = Path.of("target/commune-tests/manifest.properties");

    @Autowired
    JdbcClient jdbc;

    @Test
    void communeHasCellsAndMembers() {
        assertThat(count("select count(*) from organization where kind = 'COMMITTEE'")).isEqualTo(1);
        assertThat(count("select count(*) from organization where kind = 'CELL'")).isEqualTo(4);
        assertThat(count("select count(*) from member")).isEqualTo(60);
        assertThat(count("select count(*) from account where member_id is not null")).isEqualTo(60);
        assertThat(count("select count(*) from member where membership_status = 'PROBATIONARY'")).isPositive();
        assertThat(count("select count(*) from member where activity_status = 'EXEMPT'")).isPositive();
        assertThat(count("select count(*) from member where activity_status = 'SENT_OUT'")).isPositive();
    }

    @Test
    void everyCellHeldRegularMeetingEachMonth() {
        List<Map<String, Object>> perCell = jdbc.sql("""
                select cell_id, count(*) as held from meeting
                where kind = 'REGULAR' and status = 'MINUTES_APPROVED' group by cell_id
                """).query().listOfRows();

        assertThat(perCell).hasSize(4);
        assertThat(perCell).allSatisfy(row -> assertThat(((Number) row.get("held")).intValue()).isEqualTo(3));
    }

    @Test
    void heldMeetingsLieInPastMonths() {
        Instant earliest = jdbc.sql("select min(started_at) from meeting where started_at is not null")
                .query(Instant.class).single();
        Instant latest = jdbc.sql("select max(closed_at) from meeting where closed_at is not null")
                .query(Instant.class).single();

        assertThat(earliest).isBefore(Instant.now().minus(60, ChronoUnit.DAYS));
        assertThat(latest).isBefore(Instant.now());
    }

    @Test
    void heldMeetingsHaveMinutesResolutionsAndVotes() {
        int held = count("select count(*) from meeting where status = 'MINUTES_APPROVED'");

        assertThat(count("select count(*) from minutes where status = 'APPROVED'")).isEqualTo(held);
        assertThat(count("select count(*) from resolution where status = 'ISSUED'")).isEqualTo(held);
        assertThat(count("select count(*) from motion where status = 'CLOSED'")).isEqualTo(held);
        assertThat(count("select count(*) from ballot")).isGreaterThan(held * 3);
        assertThat(count("select count(*) from opinion")).isGreaterThanOrEqualTo(held);
        assertThat(count("select count(*) from attendance where status = 'ABSENT_EXCUSED'")).isPositive();
    }

    @Test
    void nextMeetingOfEachCellIsAnnounced() {
        assertThat(count("select count(*) from meeting where status = 'PUBLISHED' and starts_at > current_timestamp"))
                .isEqualTo(4);
    }

    @Test
    void manifestNamesTouredAccounts() throws Exception {
        var lines = Files.readAllLines(MANIFEST);

        assertThat(lines).anyMatch(line -> line.startsWith("secretary=0"));
        assertThat(lines).anyMatch(line -> line.startsWith("officer=0"));
        String officer = lines.stream().filter(line -> line.startsWith("officer=")).findFirst().orElseThrow()
                .substring("officer=".length());
        assertThat(count("select count(*) from role_grant g join account a on a.id = g.account_id "
                + "where a.username = '" + officer + "' and g.role = 'COMMITTEE_OFFICER'")).isEqualTo(1);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
