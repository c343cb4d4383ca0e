package vn.chibo.meeting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CheckInCodesTests {

    private static final String KEY = "a-check-in-key-of-at-least-32-characters";
    private static final Instant ISSUED = Instant.parse("2026-12-20T01:00:10Z");
    private static final MeetingId MEETING = MeetingId.of(42);

    private static CheckInCodes codesAt(Instant now, String key) {
        var properties = new AttendanceProperties(key, Path.of("unused"), Duration.ofSeconds(30), Duration.ofMinutes(15),
                3);
        return new CheckInCodes(properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0} s after issue: {1}")
    @CsvSource({
            "0, VALID",
            "19, VALID",
            "20, VALID",      // the next window begins at 01:00:30
            "49, VALID",      // the next window still
            "50, EXPIRED",    // two windows on
            "3600, EXPIRED",
            "-11, INVALID" }) // a code from a window that has not begun yet
    void acceptsOwnWindowAndNext(long secondsLater, CheckInCodes.Verdict expected) {
        String code = codesAt(ISSUED, KEY).current(MEETING);

        CheckInCodes.Verdict verdict = codesAt(ISSUED.plusSeconds(secondsLater), KEY).verify(MEETING, code);

        assertThat(verdict).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "abc", "1.", ".AAAA", "x.AAAA", "59012345.!!!", "59012345.AAAA.BBBB",
            "1234567890123456789.AAAA" })
    void rejectsMalformedCodes(String code) {
        assertThat(codesAt(ISSUED, KEY).verify(MEETING, code)).isEqualTo(CheckInCodes.Verdict.INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "another meeting", "another key", "changed signature", "changed window" })
    void rejectsForgedCodes(String forgery) {
        CheckInCodes codes = codesAt(ISSUED, KEY);
        String code = codes.current(MEETING);
        String window = code.substring(0, code.indexOf('.'));
        String signature = code.substring(code.indexOf('.') + 1);

        CheckInCodes.Verdict verdict = switch (forgery) {
            case "another meeting" -> codes.verify(MeetingId.of(43), code);
            case "another key" -> codes.verify(MEETING, codesAt(ISSUED, KEY + "!").current(MEETING));
            case "changed signature" -> codes.verify(MEETING, window + "." + (signature.startsWith("A") ? "B" : "A")
                    + signature.substring(1));
            case "changed window" -> codes.verify(MEETING, (Long.parseLong(window) - 1) + "." + signature);
            default -> throw new IllegalArgumentException(forgery);
        };

        assertThat(verdict).isEqualTo(CheckInCodes.Verdict.INVALID);
    }

    @ParameterizedTest(name = "{0} s into the window: {1} ms left")
    @CsvSource({ "0, 30000", "10, 20000", "29, 1000" })
    void countsDownToNextCode(long secondsIntoWindow, long expectedMillis) {
        Instant windowStart = Instant.parse("2026-12-20T01:00:00Z");

        assertThat(codesAt(windowStart.plusSeconds(secondsIntoWindow), KEY).millisUntilNext()).isEqualTo(expectedMillis);
    }
}
