package vn.chibo.voting;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.member.MemberId;

import static org.assertj.core.api.Assertions.assertThat;

class MotionResultTests {

    @ParameterizedTest(name = "denominator {0}, {1} for: passed {2}")
    @CsvSource({
            "25, 13, true",
            "25, 12, false",
            "24, 13, true",
            "24, 12, false",
            "3, 2, true",
            "3, 1, false",
            "2, 2, true",
            "2, 1, false",
            "1, 1, true",
            "1, 0, false",
            "0, 0, false",
            "0, 1, false",
            "100, 51, true",
            "100, 50, false"
    })
    void passesWithMoreThanHalfOfDenominator(int denominator, int votesFor, boolean passed) {
        assertThat(MotionResult.passes(denominator, votesFor)).isEqualTo(passed);
    }

    @ParameterizedTest(name = "denominator {0} needs {1}")
    @CsvSource({ "25, 13", "24, 13", "23, 12", "2, 2", "1, 1" })
    void votesNeededIsMoreThanHalf(int denominator, int needed) {
        MotionResult result = MotionResult.ofBallots(VoteThreshold.MORE_THAN_HALF, 0, 0, 0,
                tallyWithDenominator(denominator), Set.of(), 24);

        assertThat(result.votesNeeded()).isEqualTo(needed);
    }

    @Test
    void abstentionsCountAsNotInFavour() {
        MotionResult result = MotionResult.ofBallots(VoteThreshold.MORE_THAN_HALF, 12, 0, 13,
                tallyWithDenominator(25), Set.of(), 24);

        assertThat(result.passed()).isFalse();
        assertThat(result.notVoting()).isZero();
    }

    @Test
    void notVotingIsDenominatorLessBallots() {
        var exclusion = new DenominatorExclusion(MemberId.of(7), DenominatorExclusion.Reason.SENT_OUT);
        AttendanceTally tally = new AttendanceTally(27, 26, 1, 0, 1, 0, 0, 26, 20, 0, 0, List.of(), List.of(),
                List.of(), 20, 25, 13, List.of(exclusion));

        MotionResult result = MotionResult.ofBallots(VoteThreshold.MORE_THAN_HALF, 18, 1, 1, tally, Set.of(), 24);

        assertThat(result.notVoting()).isEqualTo(5);
        assertThat(result.denominator()).isEqualTo(25);
        assertThat(result.votesNeeded()).isEqualTo(13);
        assertThat(result.passed()).isTrue();
        assertThat(result.exclusions()).containsExactly(exclusion);
    }

    @Test
    void voterMarkedAbsentLaterStaysCounted() {
        var voter = MemberId.of(8);
        var sentOut = new DenominatorExclusion(MemberId.of(7), DenominatorExclusion.Reason.SENT_OUT);
        var excusedVoter = new DenominatorExclusion(voter, DenominatorExclusion.Reason.EXCUSED_ABSENCE);
        AttendanceTally tally = new AttendanceTally(27, 26, 1, 0, 1, 0, 0, 26, 19, 0, 0, List.of(voter), List.of(),
                List.of(), 19, 24, 13, List.of(sentOut, excusedVoter));

        MotionResult result = MotionResult.ofBallots(VoteThreshold.MORE_THAN_HALF, 13, 1, 1, tally, Set.of(voter), 24);

        assertThat(result.denominator()).isEqualTo(25);
        assertThat(result.votesNeeded()).isEqualTo(13);
        assertThat(result.notVoting()).isEqualTo(10);
        assertThat(result.passed()).isTrue();
        assertThat(result.exclusions()).containsExactly(sentOut);
    }

    @Test
    void showOfHandsNotVotingIsPresentLessHands() {
        var sentOut = new DenominatorExclusion(MemberId.of(7), DenominatorExclusion.Reason.SENT_OUT);
        AttendanceTally tally = new AttendanceTally(27, 26, 1, 0, 1, 0, 0, 26, 20, 0, 0, List.of(), List.of(),
                List.of(), 20, 25, 13, List.of(sentOut));

        MotionResult result = MotionResult.ofShowOfHands(VoteThreshold.MORE_THAN_HALF, new ShowOfHandsCount(14, 2, 1),
                tally);

        assertThat(result.notVoting()).isEqualTo(3);
        assertThat(result.denominator()).isEqualTo(25);
        assertThat(result.votesNeeded()).isEqualTo(13);
        assertThat(result.passed()).isTrue();
        assertThat(result.eligiblePresent()).isEqualTo(20);
        assertThat(result.participationPercent()).isEqualTo(85);
        assertThat(result.exclusions()).containsExactly(sentOut);
    }

    @Test
    void showOfHandsJudgedAgainstDenominatorNotPresent() {
        // 20 present of a denominator of 35: 14 hands are two thirds of those present, not of the denominator.
        AttendanceTally tally = new AttendanceTally(35, 35, 0, 0, 0, 0, 0, 35, 20, 0, 0, List.of(), List.of(),
                List.of(), 20, 35, 18, List.of());

        MotionResult result = MotionResult.ofShowOfHands(VoteThreshold.TWO_THIRDS, new ShowOfHandsCount(20, 0, 0),
                tally);

        assertThat(result.votesNeeded()).isEqualTo(24);
        assertThat(result.passed()).isFalse();
        assertThat(result.notVoting()).isZero();
    }

    @ParameterizedTest(name = "{0} of {1} present: {2}%")
    @CsvSource({ "24, 24, 100", "0, 24, 0", "1, 3, 33", "2, 3, 67", "1, 8, 13", "17, 24, 71" })
    void participationIsShareOfEligiblePresent(int ballots, int eligiblePresent, int percent) {
        var result = new MotionResult(ballots, 0, 0, 0, 36, VoteThreshold.MORE_THAN_HALF, 19, false, eligiblePresent,
                List.of());

        assertThat(result.participationPercent()).isEqualTo(percent);
    }

    @Test
    void participationUnknownWithoutBase() {
        var unrecorded = new MotionResult(3, 0, 0, 0, 5, VoteThreshold.MORE_THAN_HALF, 3, true, null, List.of());
        var empty = new MotionResult(0, 0, 0, 0, 5, VoteThreshold.MORE_THAN_HALF, 3, false, 0, List.of());

        assertThat(unrecorded.participationPercent()).isNull();
        assertThat(empty.participationPercent()).isNull();
    }

    @Test
    void choiceParsesOnlyExactNames() {
        Map<String, Boolean> inputs = Map.of("FOR", true, "AGAINST", true, "ABSTAIN", true, "for", false, "YES",
                false, "", false);

        inputs.forEach((input, known) -> assertThat(BallotChoice.parse(input).isPresent()).as(input).isEqualTo(known));
        assertThat(BallotChoice.parse(null)).isEmpty();
    }

    private static AttendanceTally tallyWithDenominator(int denominator) {
        return new AttendanceTally(denominator, denominator, 0, 0, 0, 0, 0, denominator, denominator, 0, 0, List.of(),
                List.of(), List.of(), denominator, denominator, AttendanceTally.moreThanHalfOf(denominator), List.of());
    }
}
