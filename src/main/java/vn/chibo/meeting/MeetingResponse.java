package vn.chibo.meeting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * A member's answer to a published meeting.
 *
 * @param reason why the member stays away; only with {@link ResponseAnswer#ABSENT}, and optional
 * @param decision the secretary's decision on the reason; null unless a reason was given
 */
public record MeetingResponse(MeetingId meetingId, MemberId memberId, ResponseAnswer answer, @Nullable String reason,
        @Nullable ReasonDecision decision, Instant answeredAt) {

    public boolean isPending() {
        return decision == ReasonDecision.PENDING;
    }

    /**
     * Returns the roll mark the answer suggests: present as announced, absent with reason once the
     * reason is approved or while it waits, and absent without reason otherwise.
     */
    public AttendanceStatus suggestedMark() {
        return switch (answer) {
            case IN_PERSON -> AttendanceStatus.PRESENT_IN_PERSON;
            case ONLINE -> AttendanceStatus.PRESENT_ONLINE;
            case ABSENT -> decision == ReasonDecision.APPROVED || decision == ReasonDecision.PENDING
                    ? AttendanceStatus.ABSENT_EXCUSED
                    : AttendanceStatus.ABSENT_UNEXCUSED;
        };
    }
}
