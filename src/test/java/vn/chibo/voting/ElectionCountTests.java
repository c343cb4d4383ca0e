package vn.chibo.voting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.member.MemberId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The election rules as a table. Each row gives the round, the seats, the denominator and the votes
 * of candidates A, B, C, … in ballot order, and expects one letter per candidate: E elected, R runoff,
 * N not elected.
 */
class ElectionCountTests {

    @ParameterizedTest(name = "{0}, {1} seats of {2}: votes {3} -> {4}")
    @CsvSource(delimiter = ';', value = {
            // One seat: more than half of the denominator, not of the ballots cast.
            "FIRST; 1; 25; 13 10; EN",
            "FIRST; 1; 25; 12 11; NN",
            "FIRST; 1; 24; 12 12; NN",
            "FIRST; 1; 24; 13 11; EN",
            "FIRST; 1; 1; 1; E",
            "FIRST; 1; 0; 0; N",
            // A sole candidate still needs more than half.
            "FIRST; 1; 9; 4; N",
            "FIRST; 1; 9; 5; E",
            // Several seats: the most votes among those with more than half.
            "FIRST; 3; 30; 20 18 17 16 5; EEEN N",
            "FIRST; 3; 30; 20 18 16 16 5; EERRN",
            "FIRST; 3; 30; 20 20 20 20 1; RRRRN",
            "FIRST; 3; 30; 20 18 16 16 16; EERRR",
            "FIRST; 2; 30; 20 20 16; EEN",
            "FIRST; 2; 30; 16 16 16; RRR",
            // Too few with more than half: the seats stay unfilled, ties below the line do not matter.
            "FIRST; 3; 30; 20 15 15 10; ENNN",
            "FIRST; 3; 30; 16 16 14 14; EENN",
            "FIRST; 3; 30; 10 10 10 10; NNNN",
            // A runoff: the most votes win, with no threshold; a new tie goes to another runoff.
            "RUNOFF; 1; 30; 15 14; EN",
            "RUNOFF; 1; 30; 2 1; EN",
            "RUNOFF; 1; 30; 14 14; RR",
            "RUNOFF; 2; 30; 10 10 9; EEN",
            "RUNOFF; 2; 30; 10 9 9; ERR",
            "RUNOFF; 1; 30; 0 0; RR",
            // A further round for unfilled seats needs more than half again.
            "FURTHER; 1; 30; 15 14; NN",
            "FURTHER; 1; 30; 16 14; EN",
            "FURTHER; 2; 30; 16 16 16; RRR"
    })
    void decidesEachCandidate(ElectionRound round, int seats, int denominator, String votes, String expected) {
        String[] counts = votes.trim().split("\\s+");
        var candidates = new ArrayList<BallotOption>();
        var byPosition = new HashMap<Integer, Integer>();
        for (int i = 0; i < counts.length; i++) {
            candidates.add(new BallotOption(i + 1, "Candidate " + (char) ('A' + i), MemberId.of(100 + i), null));
            byPosition.put(i + 1, Integer.parseInt(counts[i]));
        }

        List<OptionResult> results = ElectionCount.count(round, seats, denominator, candidates, byPosition);

        String outcomes = results.stream()
                .map(result -> switch (result.outcome()) {
                    case ELECTED -> "E";
                    case RUNOFF -> "R";
                    default -> "N";
                })
                .collect(Collectors.joining());
        assertThat(outcomes).isEqualTo(expected.replace(" ", ""));
        assertThat(results).extracting(OptionResult::votes)
                .containsExactlyElementsOf(byPosition.values());
        assertThat(results).allSatisfy(result -> assertThat(result.votesNeeded())
                .isEqualTo(round == ElectionRound.RUNOFF ? null : denominator / 2 + 1));
    }
}
