package vn.chibo.voting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * @param election the seats and the round of an election, or null for any other kind
 * @param options the lines of an election or discipline ballot in ballot order; empty for other kinds
 */
public record Motion(MotionId id, MeetingId meetingId, OrganizationId cellId, MotionKind kind, VotingMethod method,
        @Nullable MotionSubject subject, String title, MotionStatus status, Instant openedAt,
        @Nullable Instant closedAt, @Nullable MotionResult result, @Nullable ElectionSeats election,
        List<BallotOption> options) {

    public Motion {
        options = List.copyOf(options);
    }

    /** A motion whose ballot is for, against or abstain. */
    public Motion(MotionId id, MeetingId meetingId, OrganizationId cellId, MotionKind kind, VotingMethod method,
            @Nullable MotionSubject subject, String title, MotionStatus status, Instant openedAt,
            @Nullable Instant closedAt, @Nullable MotionResult result) {
        this(id, meetingId, cellId, kind, method, subject, title, status, openedAt, closedAt, result, null, List.of());
    }

    Motion withResult(MotionResult newResult) {
        return new Motion(id, meetingId, cellId, kind, method, subject, title, status, openedAt, closedAt, newResult,
                election, options);
    }

    /** Returns whether the ballot lists candidates or penalties to mark. */
    public boolean listsOptions() {
        return kind.listsOptions();
    }

    public boolean isElection() {
        return kind == MotionKind.ELECTION;
    }

    public boolean isDiscipline() {
        return kind == MotionKind.DISCIPLINE;
    }

    /**
     * Returns the most lines a ballot may mark: the seats of an election round, one penalty in a
     * discipline vote, and zero for other kinds.
     */
    public int maxMarks() {
        return isElection() ? election.seats() : isDiscipline() ? 1 : 0;
    }

    /** Returns the ballot line at this position, if there is one. */
    public Optional<BallotOption> option(int position) {
        return options.stream().filter(option -> option.position() == position).findFirst();
    }

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
     * Returns the message key of the closed vote's outcome in a few words, for badges: passed or not,
     * all seats filled or not, a penalty decided or none. Null while the vote is open.
     */
    public @Nullable String outcomeKey() {
        if (result == null) {
            return null;
        }
        return switch (kind) {
            case ELECTION -> result.passed() ? "voting.election.complete" : "voting.election.incomplete";
            case DISCIPLINE -> result.passed() ? "voting.discipline.decidedBadge" : "voting.discipline.noneBadge";
            default -> result.passed() ? "voting.result.passed" : "voting.result.notPassed";
        };
    }

    /** Returns the first round of this election round's election, which is the motion itself in a first round. */
    public MotionId firstRoundOfElection() {
        return election == null || election.firstRound() == null ? id : election.firstRound();
    }

    /** Returns the seats a closed election round left to a runoff or a further round. */
    public int seatsLeft() {
        if (!isElection() || result == null) {
            return 0;
        }
        return election.seats() - result.elected().size();
    }

    /**
     * Returns whether a recognition vote passed, after which a person still has to record the
     * member's new status: the vote is the cell's proposal, not the status change itself.
     */
    public boolean suggestsRecordingRecognition() {
        return kind == MotionKind.RECOGNITION && result != null && result.passed();
    }
}
