package vn.chibo.voting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Counts a discipline vote under rule 8. A penalty is decided when its own votes reach its threshold.
 * When none does, the votes add up from the heaviest penalty down, and the first penalty whose added-up
 * votes reach its threshold is decided: a member voting to expel also wants at least a warning. A
 * ballot that marks no penalty is a vote for none.
 */
final class DisciplineCount {

    private DisciplineCount() {
    }

    /**
     * Returns the result of every penalty on the ballot, in ballot order, with at most one decided.
     *
     * @param votes the votes of each penalty by ballot position; a missing position has none
     */
    static List<OptionResult> count(int denominator, List<BallotOption> penalties, Map<Integer, Integer> votes,
            DisciplineThresholds thresholds) {
        List<BallotOption> heaviestFirst = penalties.stream()
                .sorted(Comparator.comparing(BallotOption::penalty, Comparator.reverseOrder()))
                .toList();

        BallotOption decided = heaviestFirst.stream()
                .filter(option -> thresholdOf(option, thresholds).passes(denominator, votesOf(votes, option)))
                .findFirst()
                .orElse(null);
        var addedUp = new ArrayList<Integer>();
        int sum = 0;
        for (BallotOption option : heaviestFirst) {
            sum += votesOf(votes, option);
            addedUp.add(sum);
            if (decided == null && thresholdOf(option, thresholds).passes(denominator, sum)) {
                decided = option;
            }
        }

        var results = new ArrayList<OptionResult>();
        for (BallotOption option : penalties) {
            VoteThreshold threshold = thresholdOf(option, thresholds);
            results.add(new OptionResult(option, votesOf(votes, option), addedUp.get(heaviestFirst.indexOf(option)),
                    threshold.votesNeeded(denominator), threshold,
                    option.equals(decided) ? OptionOutcome.DECIDED : OptionOutcome.NOT_DECIDED));
        }
        return List.copyOf(results);
    }

    private static VoteThreshold thresholdOf(BallotOption option, DisciplineThresholds thresholds) {
        return thresholds.of(option.penalty());
    }

    private static int votesOf(Map<Integer, Integer> votes, BallotOption option) {
        return votes.getOrDefault(option.position(), 0);
    }
}
