package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.member.MemberId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArrivalsTests {

    private static final Instant FIRST = Instant.parse("2026-12-20T01:05:00Z");
    private static final Instant NOW = Instant.parse("2026-12-20T01:20:00Z");

    /**
     * Columns: the mark before (NONE for no mark), whether it had an arrival time, whether the member had
     * left, the arrival, then the expected status, whether the first arrival time is kept, and whether
     * anything changed.
     */
    @ParameterizedTest(name = "{0} then {3}: {4}")
    @CsvSource({
            "NONE,              false, false, PRESENT_IN_PERSON, PRESENT_IN_PERSON, false, true",
            "NONE,              false, false, PRESENT_ONLINE,    PRESENT_ONLINE,    false, true",
            "PRESENT_IN_PERSON, true,  false, PRESENT_IN_PERSON, PRESENT_IN_PERSON, true,  false",
            "PRESENT_ONLINE,    true,  false, PRESENT_ONLINE,    PRESENT_ONLINE,    true,  false",
            "PRESENT_ONLINE,    true,  false, PRESENT_IN_PERSON, PRESENT_IN_PERSON, true,  true",
            "PRESENT_IN_PERSON, true,  false, PRESENT_ONLINE,    PRESENT_IN_PERSON, true,  false",
            "PRESENT_IN_PERSON, false, false, PRESENT_IN_PERSON, PRESENT_IN_PERSON, false, true",
            "PRESENT_IN_PERSON, true,  true,  PRESENT_IN_PERSON, PRESENT_IN_PERSON, true,  true",
            "ABSENT_UNEXCUSED,  false, false, PRESENT_IN_PERSON, PRESENT_IN_PERSON, false, true",
            "ABSENT_EXCUSED,    false, false, PRESENT_ONLINE,    PRESENT_ONLINE,    false, true" })
    void arrivalKeepsFirstTimeAndRoomBeatsOnline(String before, boolean hadArrival, boolean hadLeft,
            AttendanceStatus arriving, AttendanceStatus expected, boolean keepsFirstTime, boolean changed) {
        RollMark mark = before.equals("NONE") ? null : mark(AttendanceStatus.valueOf(before),
                hadArrival ? FIRST : null, hadLeft ? FIRST.plus(Duration.ofMinutes(5)) : null);

        Arrivals.Outcome outcome = Arrivals.arrive(mark, arriving, NOW);

        assertThat(outcome.status()).isEqualTo(expected);
        assertThat(outcome.arrivedAt()).isEqualTo(keepsFirstTime ? FIRST : NOW);
        assertThat(outcome.changed()).isEqualTo(changed);
    }

    @ParameterizedTest
    @CsvSource({ "ABSENT_EXCUSED", "ABSENT_UNEXCUSED" })
    void absenceIsNoArrival(AttendanceStatus absence) {
        assertThatThrownBy(() -> Arrivals.arrive(null, absence, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Columns: when the chair opened the meeting and when the member arrived, in minutes after the planned
     * start (empty when no opening was recorded), and whether that is late with a grace of 15 minutes.
     */
    @ParameterizedTest(name = "opened at +{0} min, arrived at +{1} min: late {2}")
    @CsvSource({
            ",    -5, false",
            ",     0, false",
            ",    15, false",
            ",    16, true",
            ",    90, true",
            "0,   16, true",
            "-10, 16, true",   // opened early: the planned start still counts
            "20,  16, false",  // opened late: the actual start counts
            "20,  35, false",
            "20,  36, true" })
    void lateOnlyAfterGrace(Long openedMinutes, long arrivedMinutes, boolean late) {
        Instant start = Instant.parse("2026-12-20T01:00:00Z");
        Instant opened = openedMinutes == null ? null : start.plus(Duration.ofMinutes(openedMinutes));

        assertThat(Arrivals.isLate(start.plus(Duration.ofMinutes(arrivedMinutes)), start, opened,
                Duration.ofMinutes(15))).isEqualTo(late);
    }

    @ParameterizedTest
    @CsvSource({ "0", "15" })
    void noArrivalIsNeverLate(long graceMinutes) {
        assertThat(Arrivals.isLate(null, FIRST, FIRST, Duration.ofMinutes(graceMinutes))).isFalse();
    }

    private static RollMark mark(AttendanceStatus status, @Nullable Instant arrivedAt, @Nullable Instant leftAt) {
        return new RollMark(MemberId.of(7), status, null, FIRST, arrivedAt, leftAt, false);
    }
}
