package vn.chibo.voting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VoteThresholdTests {

    @ParameterizedTest(name = "two thirds of {0}, {1} for: passed {2}")
    @CsvSource({
            "3, 2, true",
            "3, 1, false",
            "6, 4, true",
            "6, 3, false",
            "7, 5, true",
            "7, 4, false",
            "9, 6, true",
            "9, 5, false",
            "35, 24, true",
            "35, 23, false",
            "25, 17, true",
            "25, 16, false",
            "1, 1, true",
            "1, 0, false",
            "0, 0, false",
            "0, 1, false"
    })
    void twoThirdsAtBoundaries(int denominator, int votesFor, boolean passed) {
        assertThat(VoteThreshold.TWO_THIRDS.passes(denominator, votesFor)).isEqualTo(passed);
    }

    @ParameterizedTest(name = "two thirds of {0} needs {1}")
    @CsvSource({ "3, 2", "6, 4", "7, 5", "9, 6", "35, 24", "25, 17", "24, 16", "1, 1", "2, 2" })
    void twoThirdsVotesNeeded(int denominator, int needed) {
        assertThat(VoteThreshold.TWO_THIRDS.votesNeeded(denominator)).isEqualTo(needed);
    }

    @ParameterizedTest(name = "more than half of {0} needs {1}")
    @CsvSource({ "3, 2", "6, 4", "7, 4", "9, 5", "35, 18", "25, 13", "24, 13", "1, 1", "2, 2" })
    void moreThanHalfVotesNeeded(int denominator, int needed) {
        assertThat(VoteThreshold.MORE_THAN_HALF.votesNeeded(denominator)).isEqualTo(needed);
    }

    @Test
    void votesNeededAgreesWithPasses() {
        for (VoteThreshold threshold : VoteThreshold.values()) {
            for (int denominator = 1; denominator <= 200; denominator++) {
                for (int votesFor = 0; votesFor <= denominator; votesFor++) {
                    assertThat(threshold.passes(denominator, votesFor))
                            .as("%s of %d with %d for", threshold, denominator, votesFor)
                            .isEqualTo(votesFor >= threshold.votesNeeded(denominator));
                }
            }
        }
    }

    @Test
    void personVotesNeedTwoThirds() {
        assertThat(MotionKind.RESOLUTION.threshold()).isEqualTo(VoteThreshold.MORE_THAN_HALF);
        assertThat(MotionKind.ADMISSION.threshold()).isEqualTo(VoteThreshold.TWO_THIRDS);
        assertThat(MotionKind.RECOGNITION.threshold()).isEqualTo(VoteThreshold.TWO_THIRDS);
    }
}
