package vn.chibo.meeting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One meeting in a member's attendance history.
 *
 * @param status the member's mark, or null when the roll has none (the member was not expected, such as
 *        a member exempt from meetings who stayed away)
 * @param arrivedAt when the member arrived, or null
 * @param leftAt when the member left before the end, or null
 * @param late whether the member arrived later than the start plus {@code chibo.attendance.late-after},
 *        as {@code Arrivals.isLate} decides
 */
public record AttendanceRecord(MeetingId meetingId, String title, MeetingKind kind, Instant startsAt,
        @Nullable AttendanceStatus status, @Nullable Instant arrivedAt, @Nullable Instant leftAt, boolean late) {

    public boolean isUnexcusedAbsence() {
        return status == AttendanceStatus.ABSENT_UNEXCUSED;
    }
}
