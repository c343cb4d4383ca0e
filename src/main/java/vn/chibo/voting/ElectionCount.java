package vn.chibo.voting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Counts one round of an election. In a first or further round a candidate needs more than half of
 * the denominator of rule 7; of those who have it, the most votes take the seats. When candidates tie
 * for the last seats and cannot all take one, the tied candidates go to a runoff for the seats left,
 * in which the most votes win. Seats that too few candidates qualified for stay unfilled, for a further
 * round if the cell wants one.
 */
final class ElectionCount {

    private ElectionCount() {
    }

    /**
     * Returns the result of every candidate in ballot order.
     *
     * @param votes the votes of each candidate by ballot position; a missing position has none
     */
    static List<OptionResult> count(ElectionRound round, int seats, int denominator, List<BallotOption> candidates,
            Map<Integer, Integer> votes) {
        VoteThreshold threshold = round == ElectionRound.RUNOFF ? null : VoteThreshold.MORE_THAN_HALF;
        Integer needed = threshold == null ? null : threshold.votesNeeded(denominator);

        List<BallotOption> qualified = candidates.stream()
                .filter(candidate -> threshold == null || threshold.passes(denominator, votesOf(votes, candidate)))
                .sorted(Comparator.comparingInt((BallotOption candidate) -> votesOf(votes, candidate)).reversed())
                .toList();
        int lastSeatVotes = qualified.size() <= seats ? -1 : votesOf(votes, qualified.get(seats - 1));
        long ahead = qualified.stream().filter(candidate -> votesOf(votes, candidate) > lastSeatVotes).count();
        long tied = qualified.stream().filter(candidate -> votesOf(votes, candidate) == lastSeatVotes).count();
        // The tie matters only when the tied candidates outnumber the seats left after those ahead.
        boolean runoff = lastSeatVotes >= 0 && ahead + tied > seats;

        return candidates.stream()
                .map(candidate -> {
                    int received = votesOf(votes, candidate);
                    OptionOutcome outcome;
                    if (!qualified.contains(candidate)) {
                        outcome = OptionOutcome.NOT_ELECTED;
                    }
                    else if (lastSeatVotes < 0 || received > lastSeatVotes || received == lastSeatVotes && !runoff) {
                        outcome = OptionOutcome.ELECTED;
                    }
                    else if (received == lastSeatVotes) {
                        outcome = OptionOutcome.RUNOFF;
                    }
                    else {
                        outcome = OptionOutcome.NOT_ELECTED;
                    }
                    return new OptionResult(candidate, received, null, needed, threshold, outcome);
                })
                .toList();
    }

    private static int votesOf(Map<Integer, Integer> votes, BallotOption candidate) {
        return votes.getOrDefault(candidate.position(), 0);
    }
}
