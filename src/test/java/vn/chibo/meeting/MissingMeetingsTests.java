package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MissingMeetingsTests {

    /** Every month of 2026 up to November with a closed regular meeting on the 15th. */
    private static final String JAN_TO_NOV = "2026-01-15 REGULAR CLOSED; 2026-02-15 REGULAR CLOSED;"
            + " 2026-03-15 REGULAR CLOSED; 2026-04-15 REGULAR CLOSED; 2026-05-15 REGULAR CLOSED;"
            + " 2026-06-15 REGULAR CLOSED; 2026-07-15 REGULAR CLOSED; 2026-08-15 REGULAR CLOSED;"
            + " 2026-09-15 REGULAR CLOSED; 2026-10-15 REGULAR CLOSED; 2026-11-15 REGULAR CLOSED";

    /**
     * Each row: the cell's creation day, today, its meetings ("day kind status", where kind COMBINED
     * is a regular meeting flagged as a combined session), and the months and quarters expected missing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all held                          | 2026-01-01 | 2026-04-10 | 2026-01-05 REGULAR CLOSED; 2026-02-05 REGULAR MINUTES_APPROVED; 2026-03-05 REGULAR CLOSED; 2026-02-20 THEMATIC CLOSED |                          |
            current month not missing yet     | 2026-01-01 | 2026-02-27 | 2026-01-05 REGULAR CLOSED                                                                                        |                          |
            nothing held since January        | 2026-01-01 | 2026-04-01 |                                                                                                                  | 01/2026,02/2026,03/2026 | 1/2026
            cancelled meeting does not count  | 2026-01-01 | 2026-03-10 | 2026-01-05 REGULAR CLOSED; 2026-02-05 REGULAR CANCELLED                                                           | 02/2026                  |
            published never held              | 2026-01-01 | 2026-03-10 | 2026-01-05 REGULAR CLOSED; 2026-02-05 REGULAR PUBLISHED                                                           | 02/2026                  |
            still in progress                 | 2026-01-01 | 2026-03-10 | 2026-01-05 REGULAR CLOSED; 2026-02-05 REGULAR IN_PROGRESS                                                         | 02/2026                  |
            thematic is not the regular one   | 2026-01-01 | 2026-04-02 | 2026-01-05 REGULAR CLOSED; 2026-02-05 REGULAR CLOSED; 2026-03-05 THEMATIC CLOSED                                  | 03/2026                  |
            combined session counts for both  | 2026-01-01 | 2026-04-02 | 2026-01-05 REGULAR CLOSED; 2026-02-05 REGULAR CLOSED; 2026-03-05 COMBINED CLOSED                                  |                          |
            extraordinary counts for neither  | 2026-01-01 | 2026-04-02 | 2026-01-05 REGULAR CLOSED; 2026-02-05 EXTRAORDINARY CLOSED; 2026-03-05 COMBINED CLOSED                            | 02/2026                  |
            cancelled thematic                | 2026-01-01 | 2026-07-02 | 2026-01-05 COMBINED CLOSED; 2026-02-05 REGULAR CLOSED; 2026-03-05 REGULAR CLOSED; 2026-04-05 REGULAR CLOSED; 2026-05-05 THEMATIC CANCELLED; 2026-05-06 REGULAR CLOSED; 2026-06-05 REGULAR CLOSED | | 2/2026
            January looks back at December    | 2025-01-01 | 2027-01-15 | JAN_TO_NOV; 2026-02-20 THEMATIC CLOSED; 2026-05-20 THEMATIC CLOSED; 2026-08-20 THEMATIC CLOSED                    | 12/2026                  | 4/2026
            New Year's Day looks back too     | 2025-01-01 | 2027-01-01 | JAN_TO_NOV; 2026-12-01 REGULAR CLOSED; 2026-02-20 THEMATIC CLOSED; 2026-05-20 THEMATIC CLOSED; 2026-08-20 THEMATIC CLOSED; 2026-11-20 THEMATIC CLOSED | |
            last year's meeting is not this year's | 2025-12-01 | 2026-02-10 | 2025-01-20 REGULAR CLOSED; 2025-12-20 REGULAR CLOSED                                                      | 01/2026                  |
            January counts in its own year    | 2026-12-01 | 2027-02-03 | 2026-12-31 REGULAR CLOSED; 2027-01-02 REGULAR CLOSED                                                              |                          |
            created mid-month starts next month | 2026-03-15 | 2026-06-10 | 2026-04-20 REGULAR CLOSED                                                                                       | 05/2026                  |
            created on the 1st counts that month | 2026-04-01 | 2026-07-02 | 2026-05-20 REGULAR CLOSED; 2026-06-20 REGULAR CLOSED                                                          | 04/2026                  | 2/2026
            created mid-quarter skips it      | 2026-05-01 | 2026-10-01 | 2026-05-20 REGULAR CLOSED; 2026-06-20 REGULAR CLOSED; 2026-07-20 REGULAR CLOSED; 2026-08-20 REGULAR CLOSED        | 09/2026                  | 3/2026
            created this month checks nothing | 2026-06-03 | 2026-06-20 |                                                                                                                  |                          |
            """)
    void missingMonthsAndQuarters(String title, LocalDate created, LocalDate today, String meetings,
            String expectedMonths, String expectedQuarters) {
        MissingMeetings missing = MissingMeetings.of(parse(meetings), created, today);

        assertThat(missing.months()).as("months").containsExactlyElementsOf(months(expectedMonths));
        assertThat(missing.quarters()).as("quarters").containsExactlyElementsOf(quarters(expectedQuarters));
    }

    @Test
    void checkedFromNamesFirstMonth() {
        MissingMeetings missing = MissingMeetings.of(List.of(), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 6, 10));

        assertThat(missing.checkedFrom()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(missing.checkedFromLabel()).isEqualTo("04/2026");
        assertThat(missing.monthList()).isEqualTo("04/2026, 05/2026");
    }

    @Test
    void nothingCheckedInFirstMonth() {
        MissingMeetings missing = MissingMeetings.of(List.of(), LocalDate.of(2026, 6, 3), LocalDate.of(2026, 6, 20));

        assertThat(missing.checkedFrom()).isNull();
        assertThat(missing.isEmpty()).isTrue();
    }

    private static List<MissingMeetings.Held> parse(String meetings) {
        if (meetings == null) {
            return List.of();
        }
        String expanded = meetings.replace("JAN_TO_NOV", JAN_TO_NOV);
        return Arrays.stream(expanded.split(";"))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> {
                    String[] parts = entry.split("\\s+");
                    boolean combined = parts[1].equals("COMBINED");
                    MeetingKind kind = combined ? MeetingKind.REGULAR : MeetingKind.valueOf(parts[1]);
                    return new MissingMeetings.Held(kind, combined, MeetingStatus.valueOf(parts[2]),
                            LocalDate.parse(parts[0]));
                })
                .toList();
    }

    private static List<YearMonth> months(String expected) {
        if (expected == null) {
            return List.of();
        }
        return Arrays.stream(expected.split(","))
                .map(String::strip)
                .map(month -> YearMonth.of(Integer.parseInt(month.substring(3)), Integer.parseInt(month.substring(0, 2))))
                .toList();
    }

    private static List<YearQuarter> quarters(String expected) {
        if (expected == null) {
            return List.of();
        }
        return Arrays.stream(expected.split(","))
                .map(String::strip)
                .map(quarter -> new YearQuarter(Integer.parseInt(quarter.substring(2)),
                        Integer.parseInt(quarter.substring(0, 1))))
                .toList();
    }
}
