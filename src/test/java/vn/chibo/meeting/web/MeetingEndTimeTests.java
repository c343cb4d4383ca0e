package vn.chibo.meeting.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a meeting of the form ends: on its date, or on the next day when it runs past midnight. */
class MeetingEndTimeTests {

    private static final LocalDate DATE = LocalDate.of(2026, 12, 20);

    @ParameterizedTest(name = "{0} to {1} ends {2}")
    @CsvSource({
        "19:30, 21:30, 2026-12-20T21:30",
        "19:30, 00:30, 2026-12-21T00:30",
        "22:00, 06:00, 2026-12-21T06:00",
        // Exactly the longest overnight meeting, and one minute more: a typo, left for the form's error.
        "20:00, 08:00, 2026-12-21T08:00",
        "20:00, 08:01, 2026-12-20T08:01",
        "19:30, 17:30, 2026-12-20T17:30",
        "08:00, 07:59, 2026-12-20T07:59",
        // An end equal to the start is no meeting at all, and gets the error too.
        "19:30, 19:30, 2026-12-20T19:30",
        "00:00, 23:59, 2026-12-20T23:59" })
    void endIsOnTheNextDayOnlyForAShortOvernightMeeting(LocalTime start, LocalTime end, LocalDateTime expected) {
        assertThat(MeetingForms.endOf(DATE, start, end)).isEqualTo(expected);
    }
}
