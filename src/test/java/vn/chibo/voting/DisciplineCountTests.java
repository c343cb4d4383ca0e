package vn.chibo.voting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 8 as a table: each row gives the denominator, the votes for reprimand, warning, removal and
 * expulsion (a dash leaves the penalty off the ballot), and the penalty decided, or NONE.
 */
class DisciplineCountTests {

    @ParameterizedTest(name = "denominator {0}: reprimand {1}, warning {2}, removal {3}, expulsion {4} -> {5}")
    @CsvSource({
            // One penalty reaches its own threshold.
            "25, 13, 0, 0, 0, REPRIMAND",
            "25, 0, 13, 0, 0, WARNING",
            "25, 0, 0, 13, 0, REMOVAL",
            "24, 0, 12, 0, 0, NONE",
            // Expulsion needs at least two thirds: 16 of 24, 17 of 25.
            "24, 0, 0, 0, 16, EXPULSION",
            "25, 0, 0, 0, 17, EXPULSION",
            "25, 0, 0, 0, 16, REMOVAL",
            // None reaches its threshold: votes add up from the heaviest down.
            "25, 5, 5, 0, 10, WARNING",
            "25, 10, 3, 0, 10, WARNING",
            "25, 10, 2, 0, 10, REPRIMAND",
            "25, 12, 0, 0, 1, REPRIMAND",
            "25, 6, 6, 0, 0, NONE",
            "25, 0, 0, 7, 7, REMOVAL",
            "30, 4, 4, 4, 4, REPRIMAND",
            "30, 3, 4, 4, 4, NONE",
            // Removal is off the ballot: expulsion's votes go straight to the warning.
            "25, 3, 4, -, 10, WARNING",
            "25, 3, 2, -, 10, REPRIMAND",
            // A probationary member's ballot has only reprimand and warning.
            "9, 2, 3, -, -, REPRIMAND",
            "9, 2, 2, -, -, NONE",
            // An empty denominator decides nothing.
            "0, 0, 0, 0, 0, NONE"
    })
    void decidesOnePenaltyOrNone(int denominator, String reprimand, String warning, String removal, String expulsion,
            String expected) {
        var options = new ArrayList<BallotOption>();
        var votes = new HashMap<Integer, Integer>();
        String[] cells = { reprimand, warning, removal, expulsion };
        for (Penalty penalty : Penalty.values()) {
            String cell = cells[penalty.ordinal()];
            if (!cell.equals("-")) {
                int position = options.size() + 1;
                options.add(new BallotOption(position, penalty.name(), null, penalty));
                votes.put(position, Integer.parseInt(cell));
            }
        }

        List<OptionResult> results = DisciplineCount.count(denominator, options, votes, DisciplineThresholds.RULE_8);

        String decided = results.stream().filter(OptionResult::decided).map(result -> result.option().penalty().name())
                .findFirst().orElse("NONE");
        assertThat(decided).isEqualTo(expected);
        assertThat(results.stream().filter(OptionResult::decided)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void votesAddUpFromHeaviest() {
        var options = List.of(new BallotOption(1, "R", null, Penalty.REPRIMAND),
                new BallotOption(2, "W", null, Penalty.WARNING), new BallotOption(3, "E", null, Penalty.EXPULSION));
        var votes = new HashMap<Integer, Integer>();
        votes.put(1, 5);
        votes.put(2, 5);
        votes.put(3, 10);

        List<OptionResult> results = DisciplineCount.count(25, options, votes, DisciplineThresholds.RULE_8);

        assertThat(results).extracting(OptionResult::addedUp).containsExactly(20, 15, 10);
        assertThat(results).extracting(OptionResult::votesNeeded).containsExactly(13, 13, 17);
        assertThat(results.get(1).decidedByAddingUp()).isTrue();
        assertThat(results.get(0).decided()).isFalse();
    }

    @Test
    void expulsionThresholdIsConfigurable() {
        var options = List.of(new BallotOption(1, "E", null, Penalty.EXPULSION));
        var thresholds = new DisciplineThresholds(VoteThreshold.MORE_THAN_HALF, VoteThreshold.MORE_THAN_HALF,
                VoteThreshold.MORE_THAN_HALF, VoteThreshold.MORE_THAN_HALF);

        List<OptionResult> results = DisciplineCount.count(25, options, java.util.Map.of(1, 13), thresholds);

        assertThat(results.get(0).decided()).isTrue();
        assertThat(results.get(0).decidedByAddingUp()).isFalse();
    }
}
