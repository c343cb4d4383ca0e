package vn.chibo.voting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.member.MemberId;

/**
 * The figures of a closed vote, frozen when the chair closed it. The motion page, the minutes, the API
 * and the CSV export all read this one type, so they show the same figures, and
 * {@link #participationPercent()} holds the only rounding.
 *
 * @param abstentions ballots that were neither for nor against; they count as not in favour
 * @param notVoting members of the denominator who cast no ballot in an electronic vote, or eligible
 *        voters present who raised no hand in a show of hands
 * @param denominator the official members who count for the vote, after the exclusions
 * @param threshold the share of the denominator the motion's kind needs in favour
 * @param votesNeeded the smallest number of votes in favour that reaches the threshold
 * @param eligiblePresent the eligible voters present when the vote closed, the base of its participation;
 *        null for votes closed before it was recorded
 * @param exclusions the official members taken out of the denominator, and why, by reason and then member id
 * @param options for an election or discipline vote, the count of each line of the ballot in ballot
 *        order; votesFor then counts the ballots that marked a line, abstentions the blank ones (in a
 *        discipline vote, those for no penalty), and votesAgainst is zero. Empty for other kinds.
 */
public record MotionResult(int votesFor, int votesAgainst, int abstentions, int notVoting, int denominator,
        VoteThreshold threshold, int votesNeeded, boolean passed, @Nullable Integer eligiblePresent,
        List<DenominatorExclusion> exclusions, List<OptionResult> options) {

    /** The figures of a vote for, against or abstain. */
    public MotionResult(int votesFor, int votesAgainst, int abstentions, int notVoting, int denominator,
            VoteThreshold threshold, int votesNeeded, boolean passed, @Nullable Integer eligiblePresent,
            List<DenominatorExclusion> exclusions) {
        this(votesFor, votesAgainst, abstentions, notVoting, denominator, threshold, votesNeeded, passed,
                eligiblePresent, exclusions, List.of());
    }

    private static final Comparator<DenominatorExclusion> BY_REASON_THEN_MEMBER = Comparator
            .comparing(DenominatorExclusion::reason)
            .thenComparingLong(exclusion -> exclusion.memberId().value());

    /** Keeps the exclusions in one order, by reason and then by member id, however they were read. */
    public MotionResult {
        exclusions = exclusions.stream().sorted(BY_REASON_THEN_MEMBER).toList();
        options = List.copyOf(options);
    }

    /**
     * Counts the ballots of an electronic vote against the attendance figures at the moment the vote closed.
     *
     * <p>Only members marked present may cast a ballot, but the roll can change while the vote is
     * open: a voter may be marked absent afterwards, with or without a reason, or the roster may
     * change their standing. A ballot already cast is never lost, so it counts, and its voter stays
     * in the denominator whatever exclusion the roll would now give them: having voted, the member
     * took part in the meeting. That keeps for, against, abstain and not voting adding up to the
     * denominator.
     *
     * @param voters the members who cast a ballot on the motion
     * @param eligiblePresent the eligible voters present at the close, counting every voter among them
     */
    static MotionResult ofBallots(VoteThreshold threshold, int votesFor, int votesAgainst, int abstentions,
            AttendanceTally tally, Set<MemberId> voters, int eligiblePresent) {
        List<DenominatorExclusion> exclusions = tally.exclusions().stream()
                .filter(exclusion -> !voters.contains(exclusion.memberId()))
                .toList();
        int denominator = tally.denominator() + tally.exclusions().size() - exclusions.size();
        int notVoting = Math.max(0, denominator - (votesFor + votesAgainst + abstentions));
        return new MotionResult(votesFor, votesAgainst, abstentions, notVoting, denominator, threshold,
                threshold.votesNeeded(denominator), threshold.passes(denominator, votesFor), eligiblePresent,
                exclusions);
    }

    /**
     * Judges the chair's count of a show of hands against the denominator, like an electronic vote.
     * Those who raised no hand are the eligible voters present less the hands counted; the caller
     * has checked that the counts do not exceed them.
     */
    static MotionResult ofShowOfHands(VoteThreshold threshold, ShowOfHandsCount count, AttendanceTally tally) {
        int denominator = tally.denominator();
        int notVoting = tally.eligibleVotersPresent() - (int) count.total();
        return new MotionResult(count.votesFor(), count.votesAgainst(), count.abstentions(), notVoting, denominator,
                threshold, threshold.votesNeeded(denominator), threshold.passes(denominator, count.votesFor()),
                tally.eligibleVotersPresent(), tally.exclusions());
    }

    /**
     * Counts the ballots of an election round or a discipline vote with the same denominator and
     * participation as {@link #ofBallots}, and then each line of the ballot by its kind's rule. An
     * election round passes when it filled all its seats; a discipline vote when it decided a penalty.
     *
     * @param marked the ballots that marked at least one line
     * @param blank the ballots that marked none
     * @param votes the marks of each line by ballot position
     */
    static MotionResult ofList(Motion motion, int marked, int blank, Map<Integer, Integer> votes,
            AttendanceTally tally, Set<MemberId> voters, int eligiblePresent, DisciplineThresholds thresholds) {
        MotionResult base = ofBallots(motion.kind().threshold(), marked, 0, blank, tally, voters, eligiblePresent);
        int denominator = base.denominator();

        List<OptionResult> options;
        boolean passed;
        if (motion.isElection()) {
            options = ElectionCount.count(motion.election().round(), motion.election().seats(), denominator,
                    motion.options(), votes);
            passed = options.stream().filter(OptionResult::elected).count() == motion.election().seats();
        }
        else {
            options = DisciplineCount.count(denominator, motion.options(), votes, thresholds);
            passed = options.stream().anyMatch(OptionResult::decided);
        }
        return new MotionResult(marked, 0, blank, base.notVoting(), denominator, base.threshold(),
                base.votesNeeded(), passed, eligiblePresent, base.exclusions(), options);
    }

    /** Returns the candidates elected in this round, in ballot order. */
    public List<OptionResult> elected() {
        return options.stream().filter(OptionResult::elected).toList();
    }

    /** Returns the candidates tied for the last seats, who go to a runoff, in ballot order. */
    public List<OptionResult> runoff() {
        return options.stream().filter(option -> option.outcome() == OptionOutcome.RUNOFF).toList();
    }

    /** Returns the penalty the discipline vote decided, if any. */
    public Optional<OptionResult> decided() {
        return options.stream().filter(OptionResult::decided).findFirst();
    }

    /** Returns whether a resolution passes: more than half of the denominator voted for it. */
    public static boolean passes(int denominator, int votesFor) {
        return VoteThreshold.MORE_THAN_HALF.passes(denominator, votesFor);
    }

    public int ballotsCast() {
        return votesFor + votesAgainst + abstentions;
    }

    /**
     * Returns the participation in percent of the eligible voters present, rounded half up, or null
     * when that base was not recorded or was empty. It is never a share of all members.
     */
    public @Nullable Integer participationPercent() {
        if (eligiblePresent == null || eligiblePresent == 0) {
            return null;
        }
        return (ballotsCast() * 200 + eligiblePresent) / (eligiblePresent * 2);
    }
}
