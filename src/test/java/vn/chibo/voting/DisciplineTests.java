package vn.chibo.voting;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.audit.AuditLog;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.chibo.voting.ListBallots.times;

/**
 * Discipline votes on the village meeting: 24 eligible voters present and a denominator of 25, so a
 * reprimand, a warning or a removal needs 13 votes and a proposal to expel 17.
 */
@SqlTest
class DisciplineTests {

    static final String MEMBER = VillageMeetings.ONLINE_OFFICIALS.get(1);
    static final List<String> ALL = List.of("REPRIMAND", "WARNING", "REMOVAL", "EXPULSION");

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    @Autowired
    SecretBallots secretBallots;

    @Autowired
    Motions motions;

    @Autowired
    AuditLog audit;

    @Test
    void disciplineAddsUpFromHeaviest() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = open(village, MEMBER, ALL);
        Motion motion = motions.get(id);
        assertThat(motion.title()).isEqualTo("Biểu quyết kỷ luật đồng chí " + MEMBER);
        assertThat(motion.subject().memberId()).isEqualTo(village.member(MEMBER));
        assertThat(motion.options()).extracting(BallotOption::label)
                .containsExactly("Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ");

        // Expulsion 10, removal 0, warning 3, reprimand 2, no penalty 9: none reaches 13 or 17 alone.
        List<ReceiptCode> receipts = cast(village, id, ListBallots.of(times(10, 4), times(3, 2), times(2, 1),
                times(9)));
        MotionResult result = management.close(village.secretary(), id);

        assertThat(result.options()).extracting(OptionResult::votes).containsExactly(2, 3, 0, 10);
        assertThat(result.options()).extracting(OptionResult::addedUp).containsExactly(15, 13, 10, 10);
        assertThat(result.options()).extracting(OptionResult::votesNeeded).containsExactly(13, 13, 13, 17);
        assertThat(result.decided()).get().satisfies(decided -> {
            assertThat(decided.option().penalty()).isEqualTo(Penalty.WARNING);
            assertThat(decided.decidedByAddingUp()).isTrue();
        });
        assertThat(result.passed()).isTrue();
        assertThat(result.votesFor()).isEqualTo(15);
        assertThat(result.abstentions()).isEqualTo(9);
        assertThat(secretBallots.check(village.secretary(), id, receipts.get(0)).marks())
                .extracting(BallotOption::penalty).containsExactly(Penalty.EXPULSION);
        assertThat(audit.entriesFor("motion", id.value()))
                .filteredOn(entry -> entry.action().equals("ballot.cast"))
                .allSatisfy(entry -> assertThat(entry.detail()).doesNotContain("EXPULSION", "WARNING", "position", "mark"));
    }

    @Test
    void expulsionNeedsTwoThirds() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = open(village, MEMBER, List.of("WARNING", "EXPULSION"));
        // 17 of 25 propose expulsion.
        cast(village, id, ListBallots.of(times(17, 2), times(7)));

        MotionResult result = management.close(village.secretary(), id);

        assertThat(result.decided()).get().extracting(decided -> decided.option().penalty())
                .isEqualTo(Penalty.EXPULSION);
        assertThat(result.decided().get().decidedByAddingUp()).isFalse();
    }

    @Test
    void disciplineWithoutEnoughVotes() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = open(village, MEMBER, List.of("REPRIMAND", "WARNING"));
        cast(village, id, ListBallots.of(times(6, 1), times(6, 2), times(12)));

        MotionResult result = management.close(village.secretary(), id);

        assertThat(result.decided()).isEmpty();
        assertThat(result.passed()).isFalse();
        assertThat(result.options()).extracting(OptionResult::outcome).containsOnly(OptionOutcome.NOT_DECIDED);
    }

    @Test
    void probationaryOnlyReprimandedOrWarned() {
        Village village = villages.startedMeetingWithRoll();
        String probationary = VillageMeetings.PROBATIONARY.get(1);

        assertThatThrownBy(() -> open(village, probationary, List.of("WARNING", "REMOVAL")))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("penaltyNotForProbationary");
        assertThatThrownBy(() -> open(village, probationary, List.of("EXPULSION")))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("penaltyNotForProbationary");

        MotionId id = open(village, probationary, List.of("WARNING", "REPRIMAND"));
        assertThat(motions.get(id).options()).extracting(BallotOption::penalty)
                .containsExactly(Penalty.REPRIMAND, Penalty.WARNING);
    }

    @Test
    void disciplineRejectsBadRequests() {
        Village village = villages.startedMeetingWithRoll();

        assertThatThrownBy(() -> open(village, MEMBER, List.of()))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("penaltiesMissing");
        assertThatThrownBy(() -> open(village, MEMBER, List.of("DEMOTION")))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("penaltyInvalid");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(),
                MotionRequest.parse("DISCIPLINE", "SHOW_OF_HANDS", null, null, null,
                        village.member(MEMBER).toString(), null, List.of(), ALL)))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("secretRequired");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(),
                MotionRequest.parse("DISCIPLINE", "", null, null, null, null, null, List.of(), ALL)))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("disciplinedMemberMissing");

        MotionId id = open(village, MEMBER, ALL);
        var voter = villages.accountOf(village, village.eligibleVoters().get(0));
        assertThatThrownBy(() -> secretBallots.castList(voter, id, List.of(1, 2)))
                .isInstanceOf(InvalidBallotMarks.class).hasMessageContaining("tooManyPenaltiesMarked");
        assertThatThrownBy(() -> secretBallots.castList(voter, id, List.of(5)))
                .isInstanceOf(InvalidBallotMarks.class).hasMessageContaining("notOnBallot");
        assertThatThrownBy(() -> open(village, MEMBER, ALL)).isInstanceOf(MotionAlreadyOpen.class);

        management.close(village.secretary(), id);
        assertThatThrownBy(() -> open(village, MEMBER, ALL)).isInstanceOf(PersonAlreadyVotedOn.class);
    }

    private List<ReceiptCode> cast(Village village, MotionId id, List<List<Integer>> ballots) {
        return ListBallots.cast(villages, secretBallots, village, village.eligibleVoters(), id, ballots);
    }

    private MotionId open(Village village, String member, List<String> penalties) {
        return management.open(village.secretary(), village.meeting(), MotionRequest.parse("DISCIPLINE", "SECRET",
                null, null, null, village.member(member).toString(), null, List.of(), penalties));
    }
}
