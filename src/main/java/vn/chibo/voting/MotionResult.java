package vn.chibo.voting;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.member.MemberId;

/**
 * The figures of a closed vote, frozen when the chair closed it.
 *
 * @param abstentions ballots that were neither for nor against; they count as not in favour
 * @param notVoting members of the denominator who cast no ballot
 * @param denominator the official members who count for the vote, after the exclusions
 * @param votesNeeded the smallest number of votes in favour that is more than half of the denominator
 * @param exclusions the official members taken out of the denominator, and why, by reason and then member id
 */
public record MotionResult(int votesFor, int votesAgainst, int abstentions, int notVoting, int denominator,
        int votesNeeded, boolean passed, List<DenominatorExclusion> exclusions) {

    private static final Comparator<DenominatorExclusion> BY_REASON_THEN_MEMBER = Comparator
            .comparing(DenominatorExclusion::reason)
            .thenComparingLong(exclusion -> exclusion.memberId().value());

    /** Keeps the exclusions in one order, by reason and then by member id, however they were read. */
    public MotionResult {
        exclusions = exclusions.stream().sorted(BY_REASON_THEN_MEMBER).toList();
    }

    /**
     * Counts the ballots of a resolution against the attendance figures at the moment the vote closed.
     *
     * <p>Only members marked present may cast a ballot, but the roll can change while the vote is
     * open: a voter may be marked absent afterwards, with or without a reason, or the roster may
     * change their standing. A ballot already cast is never lost, so it counts, and its voter stays
     * in the denominator whatever exclusion the roll would now give them: having voted, the member
     * took part in the meeting. That keeps for, against, abstain and not voting adding up to the
     * denominator.
     *
     * @param voters the members who cast a ballot on the motion
     */
    static MotionResult of(int votesFor, int votesAgainst, int abstentions, AttendanceTally tally,
            Set<MemberId> voters) {
        List<DenominatorExclusion> exclusions = tally.exclusions().stream()
                .filter(exclusion -> !voters.contains(exclusion.memberId()))
                .toList();
        int denominator = tally.denominator() + tally.exclusions().size() - exclusions.size();
        int notVoting = Math.max(0, denominator - (votesFor + votesAgainst + abstentions));
        return new MotionResult(votesFor, votesAgainst, abstentions, notVoting, denominator,
                AttendanceTally.moreThanHalfOf(denominator), passes(denominator, votesFor), exclusions);
    }

    /**
     * Returns whether a resolution passes: more than half of the denominator voted for it. With an
     * empty denominator nothing passes.
     */
    public static boolean passes(int denominator, int votesFor) {
        return denominator > 0 && votesFor >= AttendanceTally.moreThanHalfOf(denominator);
    }

    public int ballotsCast() {
        return votesFor + votesAgainst + abstentions;
    }
}
