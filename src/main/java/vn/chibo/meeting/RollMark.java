package vn.chibo.meeting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * A member's mark on the roll of a meeting.
 *
 * @param absenceReason the reason given for an excused absence, or null
 * @param arrivedAt when a present member checked in, joined online or was marked present; null for an
 *        absence and for marks recorded before arrival times were kept
 * @param leftAt when a present member left before the end, or null
 * @param late whether the member arrived later than the start plus {@code chibo.attendance.late-after},
 *        as {@code Arrivals.isLate} decides
 */
public record RollMark(MemberId memberId, AttendanceStatus status, @Nullable String absenceReason,
        Instant recordedAt, @Nullable Instant arrivedAt, @Nullable Instant leftAt, boolean late) {
}
