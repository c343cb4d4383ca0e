package vn.chibo.voting;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.member.MemberId;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.chibo.voting.ListBallots.times;

/**
 * Elections of n of m candidates on the village meeting: 24 eligible voters present and a denominator
 * of 25, so a candidate needs 13 votes.
 */
@SqlTest
class ElectionTests {

    /** Three candidates in the order of their given names (Hường, Khánh, Thắng), which is the ballot's order. */
    static final String A = VillageMeetings.MINUTE_TAKER;
    static final String B = VillageMeetings.ONLINE_OFFICIALS.get(0);
    static final String C = VillageMeetings.SECRETARY;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    @Autowired
    SecretBallots secretBallots;

    @Autowired
    Motions motions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void electionNeedsMoreThanHalf() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openElection(village, 2, A, B, C);
        // A 20, B 14, C 6, and 4 blank ballots.
        List<ReceiptCode> receipts = cast(village, id, ListBallots.of(times(14, 1, 2), times(6, 1, 3), times(4)));
        assertThat(motions.get(id).result()).isNull();
        assertThat(motions.progressOf(motions.get(id))).isEqualTo(new VoteProgress(24, 24));

        MotionResult result = management.close(village.secretary(), id);

        assertThat(result.denominator()).isEqualTo(25);
        assertThat(result.votesNeeded()).isEqualTo(13);
        assertThat(result.votesFor()).isEqualTo(20);
        assertThat(result.abstentions()).isEqualTo(4);
        assertThat(result.notVoting()).isEqualTo(1);
        assertThat(result.options()).extracting(OptionResult::votes).containsExactly(20, 14, 6);
        assertThat(result.options()).extracting(OptionResult::outcome)
                .containsExactly(OptionOutcome.ELECTED, OptionOutcome.ELECTED, OptionOutcome.NOT_ELECTED);
        assertThat(result.passed()).isTrue();
        assertThat(motions.get(id).result()).isEqualTo(result);
        assertThat(motions.nextRoundOf(motions.get(id))).isEmpty();

        assertThat(secretBallots.check(village.secretary(), id, receipts.get(0)).marks())
                .extracting(BallotOption::label).containsExactly(A, B);
        ReceiptCheck blank = secretBallots.check(village.secretary(), id, receipts.get(23));
        assertThat(blank.counted()).isTrue();
        assertThat(blank.marks()).isEmpty();
        assertThat(rowsOf("secret_ballot_roll", id)).isEqualTo(24);
        assertThat(rowsOf("secret_list_ballot", id)).isEqualTo(24);
    }

    @Test
    void electionTieGoesToRunoff() {
        Village village = villages.startedMeetingWithRoll();
        MotionId first = openElection(village, 2, A, B, C);
        // A 20, B 14, C 14: A is elected; B and C tie for the second seat.
        cast(village, first, ListBallots.of(times(10, 1, 2), times(10, 1, 3), times(4, 2, 3)));
        MotionResult result = management.close(village.secretary(), first);
        assertThat(result.options()).extracting(OptionResult::outcome)
                .containsExactly(OptionOutcome.ELECTED, OptionOutcome.RUNOFF, OptionOutcome.RUNOFF);
        assertThat(result.passed()).isFalse();
        assertThat(motions.nextRoundOf(motions.get(first))).contains(ElectionRound.RUNOFF);

        MotionId runoff = management.openNextRound(village.secretary(), first);

        Motion round = motions.get(runoff);
        assertThat(round.election()).isEqualTo(new ElectionSeats(1, ElectionRound.RUNOFF, first));
        assertThat(round.options()).extracting(BallotOption::label).containsExactly(B, C);
        assertThat(round.options()).extracting(BallotOption::position).containsExactly(1, 2);
        assertThat(round.title()).startsWith(motions.get(first).title()).contains("lần 2");
        assertThatThrownBy(() -> management.openNextRound(village.secretary(), first))
                .isInstanceOf(MotionAlreadyOpen.class);

        // In the runoff the most votes win without a threshold: 9 of 25 is enough.
        cast(village, runoff, ListBallots.of(times(9, 1), times(8, 2), times(7)));
        MotionResult second = management.close(village.secretary(), runoff);

        assertThat(second.options()).extracting(OptionResult::outcome)
                .containsExactly(OptionOutcome.ELECTED, OptionOutcome.NOT_ELECTED);
        assertThat(second.options()).extracting(OptionResult::votesNeeded).containsOnlyNulls();
        assertThat(second.passed()).isTrue();
        assertThatThrownBy(() -> management.openNextRound(village.secretary(), runoff))
                .isInstanceOf(NextRoundNotPossible.class).hasMessageContaining("allSeatsFilled");
        assertThatThrownBy(() -> management.openNextRound(village.secretary(), first))
                .isInstanceOf(NextRoundNotPossible.class).hasMessageContaining("notLatestRound");
    }

    @Test
    void electionUnfilledSeatsGetFurtherRound() {
        Village village = villages.startedMeetingWithRoll();
        MotionId first = openElection(village, 2, A, B, C);
        // A 20, B 12, C 10: only A has 13.
        cast(village, first, ListBallots.of(times(12, 1, 2), times(8, 1, 3), times(4, 3)));
        management.close(village.secretary(), first);

        MotionId further = management.openNextRound(village.secretary(), first);

        Motion round = motions.get(further);
        assertThat(round.election()).isEqualTo(new ElectionSeats(1, ElectionRound.FURTHER, first));
        assertThat(round.options()).extracting(BallotOption::label).containsExactly(B, C);
        cast(village, further, ListBallots.of(times(12, 1), times(12, 2)));
        MotionResult result = management.close(village.secretary(), further);
        assertThat(result.options()).extracting(OptionResult::outcome)
                .containsExactly(OptionOutcome.NOT_ELECTED, OptionOutcome.NOT_ELECTED);
        assertThat(result.elected()).isEmpty();
    }

    @Test
    void listBallotRejectsBadMarks() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openElection(village, 2, A, B, C);
        var voter = villages.accountOf(village, village.eligibleVoters().get(3));

        assertThatThrownBy(() -> secretBallots.castList(voter, id, List.of(4)))
                .isInstanceOf(InvalidBallotMarks.class).hasMessageContaining("notOnBallot");
        assertThatThrownBy(() -> secretBallots.castList(voter, id, List.of(0)))
                .isInstanceOf(InvalidBallotMarks.class).hasMessageContaining("notOnBallot");
        assertThatThrownBy(() -> secretBallots.castList(voter, id, List.of(1, 2, 3)))
                .isInstanceOf(InvalidBallotMarks.class).hasMessageContaining("tooManyCandidatesMarked");
        assertThatThrownBy(() -> secretBallots.castList(voter, id, List.of(1, 1)))
                .isInstanceOf(InvalidBallotMarks.class).hasMessageContaining("markedTwice");
        assertThatThrownBy(() -> secretBallots.cast(voter, id, BallotChoice.FOR))
                .isInstanceOf(WrongVotingMethod.class);
        assertThatThrownBy(() -> management.cast(voter, id, BallotChoice.FOR))
                .isInstanceOf(WrongVotingMethod.class);
        assertThat(rowsOf("secret_ballot_roll", id)).isZero();
        assertThat(rowsOf("secret_list_ballot", id)).isZero();

        secretBallots.castList(voter, id, List.of(2));
        assertThatThrownBy(() -> secretBallots.castList(voter, id, List.of(2)))
                .isInstanceOf(SecretBallotAlreadyCast.class);
        assertThatThrownBy(() -> secretBallots.checkList(voter, id, List.of(1)))
                .isInstanceOf(SecretBallotAlreadyCast.class);

        management.close(village.secretary(), id);
        var late = villages.accountOf(village, village.eligibleVoters().get(4));
        assertThatThrownBy(() -> secretBallots.castList(late, id, List.of(1))).isInstanceOf(MotionNotOpen.class);
        assertThat(rowsOf("secret_list_ballot", id)).isEqualTo(1);
    }

    @Test
    void electionRejectsBadRequests() {
        Village village = villages.startedMeetingWithRoll();
        MemberId probationary = village.member(VillageMeetings.PROBATIONARY.get(0));

        assertThatThrownBy(() -> open(village, "ELECTION", "ELECTRONIC", "2", List.of(A, B, C)))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("secretRequired");
        assertThatThrownBy(() -> open(village, "ELECTION", "", "3", List.of(A, B)))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("fewerCandidatesThanSeats");
        assertThatThrownBy(() -> open(village, "ELECTION", "", "0", List.of(A, B)))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("seatsInvalid");
        assertThatThrownBy(() -> open(village, "ELECTION", "", "hai", List.of(A, B)))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("seatsInvalid");
        assertThatThrownBy(() -> open(village, "ELECTION", "", "1", List.of()))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("candidatesMissing");
        assertThatThrownBy(() -> open(village, "ELECTION", "", "1", List.of(A, A)))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("candidateTwice");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), MotionRequest.parse("ELECTION",
                "", null, null, null, null, "1", List.of(probationary.toString()), List.of())))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("candidateInvalid");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), MotionRequest.parse("ELECTION",
                "", null, null, null, null, "1", List.of("999999"), List.of())))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("candidateInvalid");

        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), new MotionRequest(
                MotionKind.ELECTION, VotingMethod.ELECTRONIC, "Bầu", null, null, null, 1, List.of(), List.of())))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("secretRequired");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), new MotionRequest(
                MotionKind.ELECTION, VotingMethod.SECRET, "Bầu", null, null, null, null, List.of(), List.of())))
                .isInstanceOf(InvalidMotion.class).hasMessageContaining("seatsInvalid");

        MotionId id = open(village, "ELECTION", "", "1", List.of(B, A));
        Motion motion = motions.get(id);
        assertThat(motion.isSecret()).isTrue();
        assertThat(motion.title()).isEqualTo("Bầu cử: bầu 1 người trong số 2 ứng cử viên");
        assertThat(motion.options()).extracting(BallotOption::label).containsExactly(A, B);
    }

    @Test
    void listBallotTablesHaveNoVoter() {
        assertThat(columnsOf("secret_list_ballot")).containsExactlyInAnyOrder("receipt_hash", "motion_id");
        assertThat(columnsOf("secret_list_mark")).containsExactlyInAnyOrder("receipt_hash", "position");
    }

    private List<ReceiptCode> cast(Village village, MotionId id, List<List<Integer>> ballots) {
        return ListBallots.cast(villages, secretBallots, village, village.eligibleVoters(), id, ballots);
    }

    private MotionId openElection(Village village, int seats, String... candidates) {
        return open(village, "ELECTION", "SECRET", Integer.toString(seats), List.of(candidates));
    }

    private MotionId open(Village village, String kind, String method, String seats, List<String> candidates) {
        List<String> ids = candidates.stream().map(name -> village.member(name).toString()).toList();
        return management.open(village.secretary(), village.meeting(),
                MotionRequest.parse(kind, method, null, null, null, null, seats, ids, List.of()));
    }

    private int rowsOf(String table, MotionId id) {
        return jdbc.sql("select count(*) from " + table + " where motion_id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    private Set<String> columnsOf(String table) {
        return Set.copyOf(jdbc.sql("select lower(column_name) from information_schema.columns "
                + "where lower(table_name) = :table and lower(table_schema) = 'public'")
                .param("table", table)
                .query(String.class)
                .list());
    }
}
