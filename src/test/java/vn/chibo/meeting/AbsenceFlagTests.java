package vn.chibo.meeting;

import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.member.MemberId;

import static org.assertj.core.api.Assertions.assertThat;

class AbsenceFlagTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final MemberId MEMBER = MemberId.of(7);

    /**
     * Each case lists meetings as start instant (UTC) and mark, separated by spaces, with the year
     * looked at and the months expected in the flag (empty for no flag). Vietnam is UTC+7.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            three months                 | 2026-01-10T01:00:00Z=U 2026-02-10T01:00:00Z=U 2026-03-10T01:00:00Z=U | 2026 | JANUARY FEBRUARY MARCH
            two months                   | 2026-01-10T01:00:00Z=U 2026-02-10T01:00:00Z=U                        | 2026 |
            same month twice counts once | 2026-01-05T01:00:00Z=U 2026-01-20T01:00:00Z=U 2026-02-10T01:00:00Z=U | 2026 |
            excused absences do not count | 2026-01-10T01:00:00Z=U 2026-02-10T01:00:00Z=E 2026-03-10T01:00:00Z=U | 2026 |
            presences do not count       | 2026-01-10T01:00:00Z=U 2026-02-10T01:00:00Z=P 2026-03-10T01:00:00Z=O | 2026 |
            unmarked does not count      | 2026-01-10T01:00:00Z=U 2026-02-10T01:00:00Z=- 2026-03-10T01:00:00Z=U | 2026 |
            four months                  | 2026-03-10T01:00:00Z=U 2026-05-10T01:00:00Z=U 2026-09-10T01:00:00Z=U 2026-11-10T01:00:00Z=U | 2026 | MARCH MAY SEPTEMBER NOVEMBER
            year boundary in Vietnam     | 2025-12-31T17:30:00Z=U 2026-02-10T01:00:00Z=U 2026-03-10T01:00:00Z=U | 2026 | JANUARY FEBRUARY MARCH
            last evening of the year     | 2026-12-31T16:30:00Z=U 2026-02-10T01:00:00Z=U 2026-03-10T01:00:00Z=U | 2026 | FEBRUARY MARCH DECEMBER
            other year does not count    | 2025-12-31T16:30:00Z=U 2026-02-10T01:00:00Z=U 2026-03-10T01:00:00Z=U | 2026 |
            next year looked at          | 2026-12-31T17:30:00Z=U 2027-02-10T01:00:00Z=U 2027-03-10T01:00:00Z=U | 2027 | JANUARY FEBRUARY MARCH
            """)
    void flagsThreeMonthsOfUnexcusedAbsence(String title, String meetings, int year, String expectedMonths) {
        List<AttendanceRecord> history = history(meetings);

        Optional<AbsenceFlag> flag = AbsenceFlag.of(MEMBER, year, history, 3, VIETNAM);

        if (expectedMonths == null) {
            assertThat(flag).isEmpty();
            return;
        }
        List<Month> months = List.of(expectedMonths.split(" ")).stream().map(Month::valueOf).toList();
        assertThat(flag).isPresent();
        assertThat(flag.get().months()).containsExactlyElementsOf(months);
        assertThat(flag.get().absences()).allMatch(AttendanceRecord::isUnexcusedAbsence);
        assertThat(flag.get().year()).isEqualTo(year);
    }

    @ParameterizedTest(name = "threshold {0}: flagged {1}")
    @CsvSource({ "1, true", "2, true", "3, false" })
    void thresholdIsConfigurable(int threshold, boolean flagged) {
        List<AttendanceRecord> history = history("2026-01-10T01:00:00Z=U 2026-02-10T01:00:00Z=U");

        assertThat(AbsenceFlag.of(MEMBER, 2026, history, threshold, VIETNAM).isPresent()).isEqualTo(flagged);
    }

    @ParameterizedTest
    @CsvSource({ "2026" })
    void reasonListsEveryMissedMeetingInOrder(int year) {
        List<AttendanceRecord> history = history(
                "2026-03-10T01:00:00Z=U 2026-01-05T01:00:00Z=U 2026-01-20T01:00:00Z=U 2026-02-10T01:00:00Z=U");

        AbsenceFlag flag = AbsenceFlag.of(MEMBER, year, history, 3, VIETNAM).orElseThrow();

        assertThat(flag.absences()).extracting(AttendanceRecord::startsAt).containsExactly(
                Instant.parse("2026-01-05T01:00:00Z"), Instant.parse("2026-01-20T01:00:00Z"),
                Instant.parse("2026-02-10T01:00:00Z"), Instant.parse("2026-03-10T01:00:00Z"));
    }

    private static List<AttendanceRecord> history(String meetings) {
        var records = new ArrayList<AttendanceRecord>();
        long id = 1;
        for (String meeting : meetings.strip().split("\\s+")) {
            String[] parts = meeting.split("=");
            AttendanceStatus status = switch (parts[1]) {
                case "U" -> AttendanceStatus.ABSENT_UNEXCUSED;
                case "E" -> AttendanceStatus.ABSENT_EXCUSED;
                case "P" -> AttendanceStatus.PRESENT_IN_PERSON;
                case "O" -> AttendanceStatus.PRESENT_ONLINE;
                default -> null;
            };
            records.add(new AttendanceRecord(MeetingId.of(id++), "Sinh hoạt chi bộ", MeetingKind.REGULAR,
                    Instant.parse(parts[0]), status, null, null, false));
        }
        return records;
    }
}
