package vn.chibo.voting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberTransfers;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.StatusDecision;
import vn.chibo.organization.Organization;
import vn.chibo.system.ForbiddenException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Votes by show of hands at the village meeting, whose usual roll leaves 24 eligible voters present
 * and a denominator of 25.
 */
@SqlTest
class ShowOfHandsTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    @Autowired
    Motions motions;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    AuditLog audit;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MemberTransfers transfers;

    @Test
    void countIsFrozenAgainstDenominator() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);

        MotionResult result = management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(20, 2, 1));

        assertThat(result.votesFor()).isEqualTo(20);
        assertThat(result.votesAgainst()).isEqualTo(2);
        assertThat(result.abstentions()).isEqualTo(1);
        assertThat(result.notVoting()).isEqualTo(1);
        assertThat(result.denominator()).isEqualTo(25);
        assertThat(result.votesNeeded()).isEqualTo(13);
        assertThat(result.passed()).isTrue();
        assertThat(result.eligiblePresent()).isEqualTo(24);
        assertThat(result.exclusions()).hasSize(8);
        Motion stored = motions.get(id);
        assertThat(stored.status()).isEqualTo(MotionStatus.CLOSED);
        assertThat(stored.method()).isEqualTo(VotingMethod.SHOW_OF_HANDS);
        assertThat(stored.result()).isEqualTo(result);
        assertThat(motions.ballotsCast(id)).isZero();
        assertThat(audit.entriesFor("motion", id.value())).extracting(AuditEntry::action)
                .containsExactly("motion.opened", "motion.closed");
        assertThat(audit.entriesFor("motion", id.value())).last().extracting(AuditEntry::detail).asString()
                .contains("method=SHOW_OF_HANDS", "for=20", "against=2", "abstain=1", "denominator=25");
    }

    @Test
    void countAboveEligiblePresentRejected() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);

        assertThatThrownBy(() -> management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(20, 4, 1)))
                .isInstanceOfSatisfying(InvalidShowOfHands.class, invalid -> {
                    assertThat(invalid.messageKey()).isEqualTo("voting.error.countExceedsPresent");
                    assertThat(invalid.messageArguments()).containsExactly(25L, 24);
                });

        assertThat(motions.get(id).isOpen()).isTrue();
        assertThat(management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(20, 3, 1)).notVoting())
                .isZero();
    }

    @Test
    void negativeCountRejected() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);

        assertThatThrownBy(() -> management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(5, -1, 0)))
                .isInstanceOf(InvalidShowOfHands.class)
                .hasMessage("voting.error.countNegative");
        assertThat(motions.get(id).isOpen()).isTrue();
    }

    @Test
    void exemptMemberPresentRaisesLimit() {
        Village village = villages.startedMeetingWithRoll();
        meetingManagement.recordAttendance(village.secretary(), village.meeting(),
                village.member(VillageMeetings.EXEMPT.get(0)), AttendanceStatus.PRESENT_IN_PERSON, null);
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);

        MotionResult result = management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(25, 0, 0));

        assertThat(result.eligiblePresent()).isEqualTo(25);
        assertThat(result.denominator()).isEqualTo(26);
        assertThat(result.notVoting()).isZero();
    }

    @Test
    void memberSentOutCountsInHostCell() {
        Village village = villages.startedMeetingWithRoll();
        Organization home = fixtures.cellUnder(village.commune().committee());
        MemberId traveller = fixtures.member(home, "Trần Văn Xa", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        Actor homeSecretary = fixtures.accountWithoutMember(home, Role.CELL_SECRETARY);
        transfers.sendOut(homeSecretary, home.id(), traveller, village.commune().cell().id(), null,
                new StatusDecision(LocalDate.now(ZONE), "Chi bộ", "02-NQ/CB"));
        meetingManagement.recordAttendance(village.secretary(), village.meeting(), traveller,
                AttendanceStatus.PRESENT_IN_PERSON, null);
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);

        assertThatThrownBy(() -> management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(26, 0, 0)))
                .isInstanceOfSatisfying(InvalidShowOfHands.class,
                        invalid -> assertThat(invalid.messageArguments()).containsExactly(26L, 25));
        MotionResult result = management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(25, 0, 0));

        assertThat(result.eligiblePresent()).isEqualTo(25);
        assertThat(result.denominator()).isEqualTo(26);
    }

    @Test
    void ballotsAndPlainCloseRejected() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");

        assertThatThrownBy(() -> management.cast(voter, id, BallotChoice.FOR))
                .isInstanceOf(WrongVotingMethod.class)
                .hasMessage("voting.error.showOfHandsNoBallots");
        assertThatThrownBy(() -> management.close(village.secretary(), id))
                .isInstanceOf(WrongVotingMethod.class)
                .hasMessage("voting.error.showOfHandsNeedsCount");
        assertThat(motions.openFor(voter)).isEmpty();
    }

    @Test
    void countOnElectronicVoteRejected() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");

        assertThatThrownBy(() -> management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(1, 0, 0)))
                .isInstanceOf(WrongVotingMethod.class)
                .hasMessage("voting.error.electronicNoCount");
    }

    @Test
    void plainMemberCannotRecordCount() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);

        assertThatThrownBy(() -> management.recordShowOfHands(villages.accountOf(village, "Phạm Thị Ánh"), id,
                new ShowOfHandsCount(20, 0, 0))).isInstanceOf(ForbiddenException.class);
        assertThat(motions.get(id).isOpen()).isTrue();
    }

    @Test
    void secondCountRejected() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);
        management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(20, 0, 0));

        assertThatThrownBy(() -> management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(1, 0, 0)))
                .isInstanceOf(MotionNotOpen.class);
        assertThat(motions.get(id).result().votesFor()).isEqualTo(20);
    }

    @Test
    void concurrentCountsKeepOne() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = openShowOfHands(village, MotionKind.RESOLUTION);
        var start = new CountDownLatch(1);
        List<Callable<MotionResult>> counts = List.of(
                () -> {
                    start.await();
                    return management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(20, 0, 0));
                },
                () -> {
                    start.await();
                    return management.recordShowOfHands(village.minuteTaker(), id, new ShowOfHandsCount(10, 10, 0));
                });

        var outcomes = new ArrayList<Object>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<MotionResult>> futures = counts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<MotionResult> future : futures) {
                try {
                    outcomes.add(future.get());
                }
                catch (ExecutionException failure) {
                    outcomes.add(failure.getCause());
                }
            }
        }

        assertThat(outcomes).filteredOn(MotionResult.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(MotionNotOpen.class::isInstance).hasSize(1);
        MotionResult kept = (MotionResult) outcomes.stream().filter(MotionResult.class::isInstance).findFirst()
                .orElseThrow();
        assertThat(motions.get(id).result()).isEqualTo(kept);
        assertThat(audit.entriesFor("motion", id.value())).extracting(AuditEntry::action)
                .containsExactly("motion.opened", "motion.closed");
    }

    @Test
    void meetingNotStartedRefusesShowOfHands() {
        Village village = villages.publishedMeeting();

        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(),
                new MotionRequest(MotionKind.RESOLUTION, VotingMethod.SHOW_OF_HANDS, "Biểu quyết giơ tay", null, null)))
                .isInstanceOf(MeetingNotInSession.class);
        assertThat(motions.ofMeeting(village.meeting())).isEmpty();
    }

    private MotionId openShowOfHands(Village village, MotionKind kind) {
        return management.open(village.secretary(), village.meeting(),
                new MotionRequest(kind, VotingMethod.SHOW_OF_HANDS, "Biểu quyết thông qua Nghị quyết", null, null));
    }
}
