package vn.chibo.discussion;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingId;
import vn.chibo.member.MemberId;

/**
 * A member's request to speak on one agenda item, and the turn that the chair granted for it.
 *
 * @param subject what the member wants to speak about, in a few words, or null
 * @param position the place in the item's queue from 1 while waiting; after that, the last place it had
 * @param turnStartedAt when the member got the floor, or null if never
 * @param turnEndedAt when the turn ended, or null while speaking or if never granted
 * @param turnLimit the time limit per speaker that applied when the floor was granted, or null if never
 * @param closedAt when the request reached a final status, or null while open
 */
public record SpeakerRequest(SpeakerRequestId id, MeetingId meetingId, long agendaItemId, MemberId member,
        SpeakerKind kind, @Nullable String subject, SpeakerRequestStatus status, int position, Instant requestedAt,
        @Nullable Instant turnStartedAt, @Nullable Instant turnEndedAt, @Nullable Duration turnLimit,
        @Nullable Instant closedAt) {

    public boolean isWaiting() {
        return status == SpeakerRequestStatus.WAITING;
    }

    public boolean isSpeaking() {
        return status == SpeakerRequestStatus.SPEAKING;
    }

    /** Returns whether the member had the floor, now or earlier. */
    public boolean hadFloor() {
        return turnStartedAt != null;
    }

    /** Returns how long the turn has lasted at the given time, or lasted in all once ended. */
    public Duration spokenFor(Instant now) {
        if (turnStartedAt == null) {
            return Duration.ZERO;
        }
        Instant end = turnEndedAt == null ? now : turnEndedAt;
        return end.isBefore(turnStartedAt) ? Duration.ZERO : Duration.between(turnStartedAt, end);
    }

    /** Returns whether the turn has run, or ran, past its time limit at the given time. */
    public boolean isOverLimit(Instant now) {
        return turnLimit != null && spokenFor(now).compareTo(turnLimit) > 0;
    }
}
