package vn.chibo.meeting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * A member's mark on the roll of a meeting.
 *
 * @param absenceReason the reason given for an excused absence, or null
 */
public record RollMark(MemberId memberId, AttendanceStatus status, @Nullable String absenceReason,
        Instant recordedAt) {
}
