package vn.chibo.voting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.member.MemberId;
import vn.chibo.system.ConflictException;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SqlTest
@RecordApplicationEvents
class SecretBallotTests {

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

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    BallotAttempts attempts;

    @Test
    void secretBallotCountsWithoutLinkingVoters() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);
        List<String> voters = village.eligibleVoters();
        var receipts = new ArrayList<ReceiptCode>();

        var choices = new ArrayList<BallotChoice>(Collections.nCopies(20, BallotChoice.FOR));
        choices.addAll(List.of(BallotChoice.AGAINST, BallotChoice.AGAINST, BallotChoice.ABSTAIN, BallotChoice.ABSTAIN));

        for (int i = 0; i < voters.size(); i++) {
            BallotChoice choice = choices.get(i);
            receipts.add(secretBallots.cast(villages.accountOf(village, voters.get(i)), id, choice));
        }

        assertThat(motions.get(id).result()).isNull();
        assertThat(motions.progressOf(motions.get(id))).isEqualTo(new VoteProgress(24, 24));
        assertThat(rowsOf("secret_ballot_roll", id)).isEqualTo(24);
        assertThat(rowsOf("secret_ballot", id)).isEqualTo(24);
        assertThat(rowsOf("ballot", id)).isZero();
        assertThat(receipts).extracting(ReceiptCode::value).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).hasSize(26));

        MotionResult result = management.close(village.secretary(), id);

        assertThat(result.votesFor()).isEqualTo(20);
        assertThat(result.votesAgainst()).isEqualTo(2);
        assertThat(result.abstentions()).isEqualTo(2);
        assertThat(result.notVoting()).isEqualTo(1);
        assertThat(result.denominator()).isEqualTo(25);
        assertThat(result.passed()).isTrue();
        assertThat(rowsOf("secret_ballot_roll", id)).isEqualTo(24);
        assertThat(rowsOf("secret_ballot", id)).isEqualTo(24);
        assertThat(secretBallots.check(village.secretary(), id, receipts.get(0)).choice()).isEqualTo(BallotChoice.FOR);
        assertThat(secretBallots.check(village.secretary(), id, receipts.get(21)).choice())
                .isEqualTo(BallotChoice.AGAINST);
        assertThat(secretBallots.check(village.secretary(), id, receipts.get(23)).choice())
                .isEqualTo(BallotChoice.ABSTAIN);
    }

    @Test
    void tablesHoldNothingThatJoinsVoterToChoice() {
        assertThat(columnsOf("secret_ballot_roll")).containsExactlyInAnyOrder("motion_id", "member_id");
        assertThat(columnsOf("secret_ballot")).containsExactlyInAnyOrder("receipt_hash", "motion_id", "choice");
    }

    @Test
    void storesOnlyReceiptHash() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);

        ReceiptCode receipt = secretBallots.cast(villages.accountOf(village, "Phạm Thị Ánh"), id, BallotChoice.FOR);

        List<String> keys = jdbc.sql("select receipt_hash from secret_ballot where motion_id = :id")
                .param("id", id.value())
                .query(String.class)
                .list();
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.strip()).isEqualTo(receipt.hash()).hasSize(64);
            assertThat(key).doesNotContain(receipt.value());
        });
    }

    @Test
    void auditAndEventsCarryNoChoice() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        events.clear();
        MotionId id = openSecret(village);

        secretBallots.cast(villages.accountOf(village, "Phạm Thị Ánh"), id, BallotChoice.AGAINST);

        assertThat(audit.entriesFor("motion", id.value())).filteredOn(entry -> entry.action().equals("ballot.cast"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.detail()).doesNotContain("AGAINST", "FOR", "ABSTAIN");
                    assertThat(entry.detail()).contains("method=SECRET");
                });
        assertThat(events.stream(MeetingRoomChanged.class))
                .containsOnly(new MeetingRoomChanged(village.meeting(), MeetingRoomChanged.Part.VOTES))
                .hasSize(2);

        management.close(village.secretary(), id);
        assertThat(events.stream(MeetingRoomChanged.class)).hasSize(3);
    }

    @Test
    void secondBallotRejectedChangingNothing() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");
        secretBallots.cast(voter, id, BallotChoice.FOR);

        assertThatThrownBy(() -> secretBallots.cast(voter, id, BallotChoice.FOR))
                .isInstanceOf(SecretBallotAlreadyCast.class)
                .hasMessage("voting.error.secretBallotAlreadyCast");
        assertThatThrownBy(() -> secretBallots.cast(voter, id, BallotChoice.AGAINST))
                .isInstanceOf(SecretBallotAlreadyCast.class);
        assertThatThrownBy(() -> management.checkBallot(voter, id, BallotChoice.AGAINST))
                .isInstanceOf(SecretBallotAlreadyCast.class);
        assertThatThrownBy(() -> management.cast(voter, id, BallotChoice.FOR))
                .isInstanceOf(WrongVotingMethod.class)
                .hasMessage("voting.error.secretNeedsReceipt");

        assertThat(rowsOf("secret_ballot_roll", id)).isEqualTo(1);
        assertThat(rowsOf("secret_ballot", id)).isEqualTo(1);
        assertThat(motions.hasVoted(voter, motions.get(id))).isTrue();
        assertThat(motions.choiceOf(voter, motions.get(id))).isEmpty();
        assertThat(motions.openFor(voter)).isEmpty();
    }

    @Test
    void ineligibleAndLateBallotsRejected() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);

        assertThatThrownBy(() -> secretBallots.cast(villages.accountOf(village, "Hoàng Văn Ẩn"), id,
                BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.PROBATIONARY");
        assertThatThrownBy(() -> secretBallots.cast(villages.accountOf(village, VillageMeetings.EXCUSED), id,
                BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.NOT_PRESENT");
        management.close(village.secretary(), id);
        assertThatThrownBy(() -> secretBallots.cast(villages.accountOf(village, "Phạm Thị Ánh"), id,
                BallotChoice.FOR))
                .isInstanceOf(MotionNotOpen.class)
                .hasMessage("voting.error.closed");

        assertThat(rowsOf("secret_ballot_roll", id)).isZero();
        assertThat(rowsOf("secret_ballot", id)).isZero();
    }

    @Test
    void receiptChecksOnlyAfterClose() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);
        ReceiptCode receipt = secretBallots.cast(villages.accountOf(village, "Phạm Thị Ánh"), id, BallotChoice.AGAINST);

        assertThatThrownBy(() -> secretBallots.check(village.secretary(), id, receipt))
                .isInstanceOf(ReceiptCheckBeforeClose.class);
        management.close(village.secretary(), id);

        ReceiptCode typed = ReceiptCode.parse(receipt.grouped().toLowerCase());
        assertThat(secretBallots.check(village.secretary(), id, typed))
                .isEqualTo(new ReceiptCheck(BallotChoice.AGAINST));
        assertThat(secretBallots.check(village.secretary(), id, ReceiptCode.generate()).counted()).isFalse();
        assertThatThrownBy(() -> ReceiptCode.parse("ABC")).isInstanceOf(InvalidReceiptCode.class);
        assertThatThrownBy(() -> ReceiptCode.parse("U".repeat(26))).isInstanceOf(InvalidReceiptCode.class);
    }

    @Test
    void concurrentRetriesKeepOneBallotEach() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (String voter : village.eligibleVoters()) {
            Actor account = villages.accountOf(village, voter);
            for (int attempt = 0; attempt < 3; attempt++) {
                tasks.add(() -> {
                    try {
                        secretBallots.cast(account, id, BallotChoice.FOR);
                        return true;
                    }
                    catch (SecretBallotAlreadyCast repeat) {
                        return false;
                    }
                });
            }
        }

        int accepted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> outcome : pool.invokeAll(tasks)) {
                accepted += outcome.get() ? 1 : 0;
            }
        }

        assertThat(accepted).isEqualTo(24);
        assertThat(rowsOf("secret_ballot_roll", id)).isEqualTo(24);
        assertThat(rowsOf("secret_ballot", id)).isEqualTo(24);
        assertThat(management.close(village.secretary(), id).votesFor()).isEqualTo(24);
    }

    /**
     * The confirmation sent again with the same attempt (its response was lost) gets the same receipt,
     * marked as repeated, and changes nothing, even with another choice. A new attempt is refused.
     */
    @Test
    void repeatedAttemptGetsTheSameReceipt() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");
        String attempt = attempts.issue(id, MemberId.of(voter.memberId()));

        SecretReceipt first = secretBallots.cast(voter, id, BallotChoice.FOR, attempt);
        SecretReceipt repeat = secretBallots.cast(voter, id, BallotChoice.AGAINST, attempt);

        assertThat(first.repeated()).isFalse();
        assertThat(repeat.repeated()).isTrue();
        assertThat(repeat.code()).isEqualTo(first.code());
        assertThatThrownBy(() -> secretBallots.cast(voter, id, BallotChoice.FOR,
                attempts.issue(id, MemberId.of(voter.memberId())))).isInstanceOf(SecretBallotAlreadyCast.class);
        assertThatThrownBy(() -> secretBallots.cast(voter, id, BallotChoice.FOR))
                .isInstanceOf(SecretBallotAlreadyCast.class);
        assertThat(rowsOf("secret_ballot_roll", id)).isOne();
        assertThat(rowsOf("secret_ballot", id)).isOne();
        assertThat(audit.entriesFor("motion", id.value()))
                .filteredOn(entry -> entry.action().equals("ballot.cast")).hasSize(1);

        management.close(village.secretary(), id);
        assertThat(secretBallots.check(village.secretary(), id, first.code()).choice()).isEqualTo(BallotChoice.FOR);
    }

    /**
     * Only an attempt that the server issued to this voter for this motion, less than 15 minutes ago,
     * counts: one made up by a client, issued to another voter or too old reads as none, so a repeat
     * with it is refused.
     */
    @Test
    void onlyTheVotersOwnCurrentAttemptCounts() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);
        List<Actor> voters = village.eligibleVoters().stream().limit(4).map(name -> villages.accountOf(village, name))
                .toList();
        String madeUp = "q3Vd0mYw6F0dC4n5oVhLxA." + Instant.now().getEpochSecond() + ".0123456789abcdef0123456789abcdef";
        String othersAttempt = attempts.issue(id, MemberId.of(voters.get(0).memberId()));
        String oldAttempt = attempts.issue(id, MemberId.of(voters.get(3).memberId()),
                Instant.now().minus(BallotAttempts.VALIDITY).minusSeconds(1));

        Map<Actor, String> attemptOf = Map.of(voters.get(1), madeUp, voters.get(2), othersAttempt, voters.get(3),
                oldAttempt);

        attemptOf.forEach((voter, attempt) -> {
            assertThat(secretBallots.cast(voter, id, BallotChoice.FOR, attempt).repeated()).isFalse();
            assertThatThrownBy(() -> secretBallots.cast(voter, id, BallotChoice.FOR, attempt))
                    .isInstanceOf(SecretBallotAlreadyCast.class);
        });
        assertThat(rowsOf("secret_ballot", id)).isEqualTo(3);
    }

    /** Confirmations of one form sent at once from a weak link: one ballot, and every response has its code. */
    @Test
    void concurrentRepeatsOfOneAttemptShareOneBallot() throws Exception {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = openSecret(village);
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");
        String attempt = attempts.issue(id, MemberId.of(voter.memberId()));
        var tasks = new ArrayList<Callable<SecretReceipt>>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> secretBallots.cast(voter, id, BallotChoice.FOR, attempt));
        }

        var answers = new ArrayList<SecretReceipt>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<SecretReceipt> answer : pool.invokeAll(tasks)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).extracting(SecretReceipt::code).containsOnly(answers.getFirst().code());
        assertThat(answers).filteredOn(answer -> !answer.repeated()).hasSize(1);
        assertThat(rowsOf("secret_ballot", id)).isOne();
    }

    @Test
    void secretMethodParsesFromForm() {
        assertThat(MotionRequest.parse("RESOLUTION", "SECRET", "Bầu", null, null).method())
                .isEqualTo(VotingMethod.SECRET);
        assertThat(VotingMethod.SECRET.takesBallots()).isTrue();
        assertThat(VotingMethod.SHOW_OF_HANDS.takesBallots()).isFalse();
        assertThat(ConflictException.class).isAssignableFrom(SecretBallotAlreadyCast.class);
    }

    private MotionId openSecret(Village village) {
        return management.open(village.secretary(), village.meeting(),
                new MotionRequest(MotionKind.RESOLUTION, VotingMethod.SECRET, "Biểu quyết kín", null, null));
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
