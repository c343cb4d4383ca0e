package vn.chibo.voting;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SqlTest
class VotingTests {

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MotionManagement management;

    @Autowired
    Motions motions;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    Meetings meetings;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void villageResolutionPassesWithThirteenNeeded() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(),
                motions.suggestedTitle(meetings.get(village.meeting())));

        List<String> voters = village.eligibleVoters();
        assertThat(voters).hasSize(24);
        var choices = new ArrayList<BallotChoice>(List.of(BallotChoice.AGAINST, BallotChoice.ABSTAIN));
        choices.addAll(Collections.nCopies(22, BallotChoice.FOR));
        for (int i = 0; i < voters.size(); i++) {
            assertThat(management.cast(villages.accountOf(village, voters.get(i)), id, choices.get(i)))
                    .isEqualTo(BallotReceipt.RECORDED);
        }
        assertThat(motions.get(id).result()).isNull();
        assertThat(motions.ballotsCast(id)).isEqualTo(24);

        MotionResult result = management.close(village.secretary(), id);

        assertThat(result.votesFor()).isEqualTo(22);
        assertThat(result.votesAgainst()).isEqualTo(1);
        assertThat(result.abstentions()).isEqualTo(1);
        assertThat(result.notVoting()).isEqualTo(1);
        assertThat(result.denominator()).isEqualTo(25);
        assertThat(result.votesNeeded()).isEqualTo(13);
        assertThat(result.passed()).isTrue();
        assertThat(motions.ofMeeting(village.meeting())).singleElement().satisfies(stored -> {
            assertThat(stored.title()).startsWith("Biểu quyết thông qua Nghị quyết chi bộ tháng ");
            assertThat(stored.status()).isEqualTo(MotionStatus.CLOSED);
            assertThat(stored.result()).isEqualTo(result);
        });
        Map<DenominatorExclusion.Reason, Long> reasons = result.exclusions().stream()
                .collect(Collectors.groupingBy(DenominatorExclusion::reason, Collectors.counting()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(DenominatorExclusion.Reason.SENT_OUT, 2L,
                DenominatorExclusion.Reason.EXEMPT_ABSENT, 5L, DenominatorExclusion.Reason.EXCUSED_ABSENCE, 1L));
        assertThat(result.exclusions()).contains(new DenominatorExclusion(village.member(VillageMeetings.EXCUSED),
                DenominatorExclusion.Reason.EXCUSED_ABSENCE));
        assertThat(audit.entriesFor("motion", id.value())).extracting(AuditEntry::action)
                .containsOnly("motion.opened", "ballot.cast", "motion.closed")
                .filteredOn("ballot.cast"::equals).hasSize(24);
    }

    @Test
    void resultHiddenUntilClose() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        management.cast(village.secretary(), id, BallotChoice.FOR);

        assertThat(motions.get(id).result()).isNull();
        assertThat(motions.ofMeeting(village.meeting())).singleElement()
                .satisfies(motion -> assertThat(motion.result()).isNull());
        assertThat(motions.openOf(village.meeting())).get().satisfies(motion -> assertThat(motion.result()).isNull());
    }

    @Test
    void repeatedChoiceIsAlreadyRecorded() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");

        assertThat(management.cast(voter, id, BallotChoice.AGAINST)).isEqualTo(BallotReceipt.RECORDED);
        assertThat(management.cast(voter, id, BallotChoice.AGAINST)).isEqualTo(BallotReceipt.ALREADY_RECORDED);
        assertThatThrownBy(() -> management.cast(voter, id, BallotChoice.FOR))
                .isInstanceOf(BallotAlreadyCast.class)
                .hasMessage("voting.error.ballotAlreadyCast");

        assertThat(ballotsOf(id)).containsExactly("AGAINST");
        assertThat(audit.entriesFor("motion", id.value())).extracting(AuditEntry::action)
                .filteredOn("ballot.cast"::equals).hasSize(1);
    }

    @Test
    void rejectsIneligibleBallotsStoringNothing() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        var otherCell = fixtures.cellUnder(village.commune().committee());
        Actor outsider = fixtures.account(otherCell, fixtures.member(otherCell, "Lê Văn Khác",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        Actor officer = fixtures.accountWithoutMember(village.commune().committee(), Role.COMMITTEE_OFFICER);

        assertThatThrownBy(() -> management.cast(villages.accountOf(village, "Hoàng Văn Ẩn"), id, BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.PROBATIONARY");
        assertThatThrownBy(() -> management.cast(villages.accountOf(village, VillageMeetings.EXCUSED), id,
                BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.NOT_PRESENT");
        assertThatThrownBy(() -> management.cast(villages.accountOf(village, "Phan Văn Sơn"), id, BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.SENT_OUT");
        assertThatThrownBy(() -> management.cast(villages.accountOf(village, "Đặng Văn Ơn"), id, BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.NOT_PRESENT");
        assertThatThrownBy(() -> management.cast(officer, id, BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.NOT_CELL_MEMBER");
        assertThatThrownBy(() -> management.cast(outsider, id, BallotChoice.FOR))
                .isInstanceOf(NotFoundException.class);

        assertThat(ballotsOf(id)).isEmpty();
        assertThat(audit.entriesFor("motion", id.value())).extracting(AuditEntry::action)
                .containsExactly("motion.opened");
    }

    @Test
    void exemptMemberWhoAttendsMayVote() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        meetingManagement.recordAttendance(village.secretary(), village.meeting(), village.member("Đặng Văn Ơn"),
                AttendanceStatus.PRESENT_IN_PERSON, null);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");

        assertThat(management.cast(villages.accountOf(village, "Đặng Văn Ơn"), id, BallotChoice.FOR))
                .isEqualTo(BallotReceipt.RECORDED);
        assertThat(management.close(village.secretary(), id).denominator()).isEqualTo(26);
    }

    @Test
    void rejectsBallotAfterClose() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        management.close(village.secretary(), id);

        assertThatThrownBy(() -> management.cast(village.secretary(), id, BallotChoice.FOR))
                .isInstanceOf(MotionNotOpen.class)
                .hasMessage("voting.error.closed");
        assertThatThrownBy(() -> management.close(village.secretary(), id)).isInstanceOf(MotionNotOpen.class);
        assertThat(ballotsOf(id)).isEmpty();
        assertThat(motions.get(id).result().notVoting()).isEqualTo(25);
        assertThat(motions.get(id).result().passed()).isFalse();
    }

    @Test
    void meetingCannotCloseWithOpenVote() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");

        assertThatThrownBy(() -> meetingManagement.close(village.secretary(), village.meeting()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("voting.error.voteStillOpen");
        assertThat(meetings.get(village.meeting()).status()).isEqualTo(MeetingStatus.IN_PROGRESS);

        management.close(village.secretary(), id);
        meetingManagement.close(village.secretary(), village.meeting());
        assertThat(meetings.get(village.meeting()).status()).isEqualTo(MeetingStatus.CLOSED);
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), "Biểu quyết lần hai"))
                .isInstanceOf(MeetingNotInSession.class);
    }

    @Test
    void oneOpenVotePerMeeting() {
        Village village = villages.meetingInProgress();
        MotionId first = management.open(village.secretary(), village.meeting(), "Biểu quyết thứ nhất");

        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), "Biểu quyết thứ hai"))
                .isInstanceOf(MotionAlreadyOpen.class);

        management.close(village.secretary(), first);
        MotionId second = management.open(village.minuteTaker(), village.meeting(), "  Biểu quyết   thứ hai ");
        assertThat(motions.ofMeeting(village.meeting())).extracting(Motion::id).containsExactly(first, second);
        assertThat(motions.get(second).title()).isEqualTo("Biểu quyết thứ hai");
    }

    @Test
    void onlyChairOrCellRunnerOpensVotes() {
        Village village = villages.meetingInProgress();
        Actor member = villages.accountOf(village, "Phạm Thị Ánh");
        var otherCell = fixtures.cellUnder(village.commune().committee());
        Actor outsider = fixtures.accountWithoutMember(otherCell, Role.CELL_SECRETARY);

        assertThatThrownBy(() -> management.open(member, village.meeting(), "Biểu quyết"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> management.open(outsider, village.meeting(), "Biểu quyết"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), "   "))
                .isInstanceOf(InvalidMotion.class)
                .hasMessage("voting.error.titleMissing");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), "x".repeat(301)))
                .isInstanceOf(InvalidMotion.class)
                .hasMessage("voting.error.titleTooLong");
        assertThat(motions.ofMeeting(village.meeting())).isEmpty();
    }

    @Test
    void openVotesListedUntilMemberVotes() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");
        Actor probationary = villages.accountOf(village, "Hoàng Văn Ẩn");

        assertThat(motions.openFor(voter)).extracting(Motion::id).containsExactly(id);
        assertThat(motions.openFor(probationary)).isEmpty();

        management.cast(voter, id, BallotChoice.FOR);
        assertThat(motions.openFor(voter)).isEmpty();
    }

    @Test
    void voteOpensOnlyWhileInProgress() {
        Village village = villages.publishedMeeting();

        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), "Biểu quyết"))
                .isInstanceOf(MeetingNotInSession.class)
                .hasMessage("voting.error.meetingNotPublished");
        assertThat(motions.ofMeeting(village.meeting())).isEmpty();

        meetingManagement.start(village.secretary(), village.meeting());
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết");
        assertThat(motions.get(id).isOpen()).isTrue();
    }

    @Test
    void ballotCountsAfterVoterMarkedAbsent() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");
        management.cast(voter, id, BallotChoice.FOR);

        meetingManagement.recordAttendance(village.secretary(), village.meeting(), village.member("Phạm Thị Ánh"),
                AttendanceStatus.ABSENT_EXCUSED, "Về sớm vì việc gia đình");
        assertThat(meetings.tally(village.meeting()).denominator()).isEqualTo(24);
        assertThatThrownBy(() -> management.checkBallot(voter, id, BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.NOT_PRESENT");
        MotionResult result = management.close(village.secretary(), id);

        assertThat(ballotsOf(id)).containsExactly("FOR");
        assertThat(result.votesFor()).isEqualTo(1);
        assertThat(result.denominator()).isEqualTo(25);
        assertThat(result.notVoting()).isEqualTo(24);
        assertThat(result.exclusions()).extracting(DenominatorExclusion::memberId)
                .doesNotContain(village.member("Phạm Thị Ánh"))
                .contains(village.member(VillageMeetings.EXCUSED));
        assertThat(motions.get(id).result()).isEqualTo(result);
    }

    @Test
    void checkBallotStoresNothing() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId id = management.open(village.secretary(), village.meeting(), "Biểu quyết thông qua Nghị quyết");
        Actor voter = villages.accountOf(village, "Phạm Thị Ánh");

        management.checkBallot(voter, id, BallotChoice.AGAINST);
        assertThat(ballotsOf(id)).isEmpty();
        assertThatThrownBy(() -> management.checkBallot(villages.accountOf(village, "Hoàng Văn Ẩn"), id,
                BallotChoice.FOR))
                .isInstanceOf(NotEligibleToVote.class)
                .hasMessage("voting.standing.PROBATIONARY");

        management.cast(voter, id, BallotChoice.AGAINST);
        management.checkBallot(voter, id, BallotChoice.AGAINST);
        assertThatThrownBy(() -> management.checkBallot(voter, id, BallotChoice.FOR))
                .isInstanceOf(BallotAlreadyCast.class);
        management.close(village.secretary(), id);
        assertThatThrownBy(() -> management.checkBallot(voter, id, BallotChoice.AGAINST))
                .isInstanceOf(MotionNotOpen.class);
        assertThat(ballotsOf(id)).containsExactly("AGAINST");
    }

    @Test
    void suggestedTitleNamesMeetingMonth() {
        Village village = villages.meetingInProgress();
        String month = DateTimeFormatter.ofPattern("MM/yyyy")
                .format(village.startsAt().atZone(ZoneId.of("Asia/Ho_Chi_Minh")));

        assertThat(motions.suggestedTitle(meetings.get(village.meeting())))
                .isEqualTo("Biểu quyết thông qua Nghị quyết chi bộ tháng " + month);
    }

    private List<String> ballotsOf(MotionId id) {
        return jdbc.sql("select choice from ballot where motion_id = :id")
                .param("id", id.value())
                .query(String.class)
                .list();
    }
}
