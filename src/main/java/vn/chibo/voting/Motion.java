package vn.chibo.voting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingId;
import vn.chibo.organization.OrganizationId;

/**
 * A motion put to an open vote at a meeting.
 *
 * @param cellId the cell whose meeting it is
 * @param subject the person the vote decides about, or null for a resolution
 * @param closedAt when the chair closed the vote, or null while it is open
 * @param result the frozen figures, or null while the vote is open so that nobody sees a split early
 */
public record Motion(MotionId id, MeetingId meetingId, OrganizationId cellId, MotionKind kind, VotingMethod method,
        @Nullable MotionSubject subject, String title, MotionStatus status, Instant openedAt,
        @Nullable Instant closedAt, @Nullable MotionResult result) {

    public boolean isOpen() {
        return status == MotionStatus.OPEN;
    }

    public boolean isClosed() {
        return status == MotionStatus.CLOSED;
    }

    public boolean isShowOfHands() {
        return method == VotingMethod.SHOW_OF_HANDS;
    }

    public boolean isSecret() {
        return method == VotingMethod.SECRET;
    }

    /**
     * Returns whether a recognition vote passed, after which a person still has to record the
     * member's new status: the vote is the cell's proposal, not the status change itself.
     */
    public boolean suggestsRecordingRecognition() {
        return kind == MotionKind.RECOGNITION && result != null && result.passed();
    }
}
