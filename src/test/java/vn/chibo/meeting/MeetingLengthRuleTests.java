package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.member.MemberId;
import vn.chibo.organization.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingLengthRuleTests {

    private static final Instant START = Instant.parse("2026-12-20T12:30:00Z");

    /** Each row: the minimums, whether the session is combined, the minutes it lasted, and whether that is short. */
    @ParameterizedTest(name = "{0}/{1} min, combined {2}, {3} min: short {4}")
    @CsvSource(textBlock = """
            90,  120, false,  89, true
            90,  120, false,  90, false
            90,  120, false, 150, false
            90,  120, true,   90, true
            90,  120, true,  119, true
            90,  120, true,  120, false
            60,   90, false,  60, false
            60,   90, false,  59, true
            60,   90, true,   75, true
             0,    0, true,    1, false
            """)
    void closedMeetingIsShortBelowItsMinimum(long usual, long combined, boolean combinedSession, long minutes,
            boolean expectedShort) {
        var rule = new MeetingLengthRule(Duration.ofMinutes(usual), Duration.ofMinutes(combined));
        Meeting meeting = meeting(combinedSession, Duration.ofMinutes(180));
        meeting.publish(START.minus(Duration.ofDays(3)));
        meeting.start(START);
        meeting.close(START.plus(Duration.ofMinutes(minutes)));

        assertThat(rule.closedShort(meeting)).isEqualTo(expectedShort);
        assertThat(meeting.realLength()).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(rule.isPlannedShort(meeting)).isFalse();
    }

    /** The warning at publishing uses the same minimum, on the planned length. */
    @ParameterizedTest(name = "planned {1} min, combined {0}: short {2}")
    @CsvSource(textBlock = """
            false,  89, true
            false,  90, false
            true,   90, true
            true,  120, false
            """)
    void plannedLengthUsesSameMinimum(boolean combinedSession, long plannedMinutes, boolean expectedShort) {
        var rule = new MeetingLengthRule(Duration.ofMinutes(90), Duration.ofMinutes(120));
        Meeting meeting = meeting(combinedSession, Duration.ofMinutes(plannedMinutes));

        assertThat(rule.isPlannedShort(meeting)).isEqualTo(expectedShort);
        assertThat(rule.closedShort(meeting)).as("not closed yet").isFalse();
    }

    private static Meeting meeting(boolean combinedSession, Duration planned) {
        var details = new MeetingDetails(MeetingKind.REGULAR, MeetingMode.IN_PERSON, "Sinh hoạt chi bộ tháng 12/2026",
                START, START.plus(planned), "Nhà văn hóa thôn", null, MemberId.of(1),
                MemberId.of(2), List.of(new AgendaItem("Khai mạc", null)), combinedSession);
        return Meeting.schedule(OrganizationId.of(1), details, null, START.minus(Duration.ofDays(7)), true);
    }
}
