package vn.chibo.voting;

import org.jspecify.annotations.Nullable;

/**
 * The count of one line of a closed election or discipline ballot.
 *
 * @param votes the ballots that marked this line
 * @param addedUp for a penalty, its votes together with those of every heavier penalty on the ballot,
 *        which decide when no penalty reaches its threshold on its own; null for a candidate
 * @param votesNeeded the smallest number of votes that reaches the line's threshold; null in a runoff,
 *        where the most votes win among candidates who already had more than half
 * @param threshold the share of the denominator the line needs, or null in a runoff
 */
public record OptionResult(BallotOption option, int votes, @Nullable Integer addedUp, @Nullable Integer votesNeeded,
        @Nullable VoteThreshold threshold, OptionOutcome outcome) {

    public int position() {
        return option.position();
    }

    public String label() {
        return option.label();
    }

    public boolean elected() {
        return outcome == OptionOutcome.ELECTED;
    }

    public boolean decided() {
        return outcome == OptionOutcome.DECIDED;
    }

    /** Returns whether this penalty was decided only by adding up the votes of heavier penalties. */
    public boolean decidedByAddingUp() {
        return decided() && votesNeeded != null && votes < votesNeeded;
    }
}
