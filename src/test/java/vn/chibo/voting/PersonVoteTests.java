package vn.chibo.voting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.Members;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Admission and recognition votes at the village meeting: a denominator of 25, so 17 votes in
 * favour reach two thirds and 16 do not.
 */
@SqlTest
class PersonVoteTests {

    private static final String APPLICANT = "Lê Văn Tâm";

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    @Autowired
    Motions motions;

    @Autowired
    Meetings meetings;

    @Autowired
    Members members;

    @Test
    void admissionNeedsTwoThirds() {
        Village village = villages.startedMeetingWithRoll();
        MotionId first = management.open(village.secretary(), village.meeting(), admission(APPLICANT,
                VotingMethod.SHOW_OF_HANDS));
        MotionResult passed = management.recordShowOfHands(village.secretary(), first, new ShowOfHandsCount(17, 5, 2));
        MotionId second = management.open(village.secretary(), village.meeting(), admission("Trần Thị Mơ",
                VotingMethod.SHOW_OF_HANDS));
        MotionResult failed = management.recordShowOfHands(village.secretary(), second, new ShowOfHandsCount(16, 6, 2));

        assertThat(passed.threshold()).isEqualTo(VoteThreshold.TWO_THIRDS);
        assertThat(passed.denominator()).isEqualTo(25);
        assertThat(passed.votesNeeded()).isEqualTo(17);
        assertThat(passed.passed()).isTrue();
        assertThat(failed.votesNeeded()).isEqualTo(17);
        assertThat(failed.passed()).isFalse();
        Motion stored = motions.get(first);
        assertThat(stored.kind()).isEqualTo(MotionKind.ADMISSION);
        assertThat(stored.subject()).isEqualTo(new MotionSubject(null, APPLICANT));
        assertThat(stored.title()).isEqualTo("Biểu quyết kết nạp quần chúng Lê Văn Tâm vào Đảng");
    }

    @Test
    void electronicAdmissionCountsBallots() {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), admission(APPLICANT,
                VotingMethod.ELECTRONIC));
        List<String> voters = village.eligibleVoters();
        var choices = new ArrayList<>(Collections.nCopies(16, BallotChoice.FOR));
        choices.addAll(Collections.nCopies(8, BallotChoice.ABSTAIN));
        for (int i = 0; i < voters.size(); i++) {
            management.cast(villages.accountOf(village, voters.get(i)), id, choices.get(i));
        }

        MotionResult result = management.close(village.secretary(), id);

        assertThat(result.votesFor()).isEqualTo(16);
        assertThat(result.votesNeeded()).isEqualTo(17);
        assertThat(result.passed()).isFalse();
        assertThat(result.eligiblePresent()).isEqualTo(24);
        assertThat(result.participationPercent()).isEqualTo(100);
    }

    @Test
    void samePersonOnlyOncePerMeeting() {
        Village village = villages.startedMeetingWithRoll();
        MotionId first = management.open(village.secretary(), village.meeting(), admission(APPLICANT,
                VotingMethod.SHOW_OF_HANDS));
        management.recordShowOfHands(village.secretary(), first, new ShowOfHandsCount(10, 10, 4));

        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(),
                admission("  lê văn  tâm ", VotingMethod.ELECTRONIC)))
                .isInstanceOfSatisfying(PersonAlreadyVotedOn.class,
                        refused -> assertThat(refused.messageArguments()).containsExactly("lê văn tâm"));
        MemberId probationary = village.member(VillageMeetings.PROBATIONARY.get(0));
        MotionId recognition = management.open(village.secretary(), village.meeting(), recognition(probationary));
        management.recordShowOfHands(village.secretary(), recognition, new ShowOfHandsCount(20, 0, 0));
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), recognition(probationary)))
                .isInstanceOf(PersonAlreadyVotedOn.class);
        assertThat(motions.ofMeeting(village.meeting())).hasSize(2);
    }

    @Test
    void recognitionLeavesStatusToPerson() {
        Village village = villages.startedMeetingWithRoll();
        MemberId probationary = village.member(VillageMeetings.PROBATIONARY.get(1));
        MotionId id = management.open(village.secretary(), village.meeting(), recognition(probationary));

        management.recordShowOfHands(village.secretary(), id, new ShowOfHandsCount(18, 4, 2));

        Motion motion = motions.get(id);
        assertThat(motion.result().passed()).isTrue();
        assertThat(motion.suggestsRecordingRecognition()).isTrue();
        assertThat(motion.subject()).isEqualTo(new MotionSubject(probationary, VillageMeetings.PROBATIONARY.get(1)));
        assertThat(motion.title()).isEqualTo("Biểu quyết công nhận đồng chí Hoàng Văn Ẩn là đảng viên chính thức");
        assertThat(members.find(probationary).orElseThrow().membershipStatus())
                .isEqualTo(MembershipStatus.PROBATIONARY);
    }

    @Test
    void recognitionOfOfficialMemberRejected() {
        Village village = villages.startedMeetingWithRoll();
        MemberId official = village.member("Phạm Thị Ánh");
        Village otherCell = villages.publishedMeeting();
        MemberId elsewhere = otherCell.member(VillageMeetings.PROBATIONARY.get(0));

        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), recognition(official)))
                .isInstanceOf(InvalidMotion.class)
                .hasMessage("voting.error.notProbationary");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), recognition(elsewhere)))
                .isInstanceOf(InvalidMotion.class)
                .hasMessage("voting.error.notProbationary");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(), recognition(null)))
                .isInstanceOf(InvalidMotion.class)
                .hasMessage("voting.error.recognitionMemberMissing");
        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(),
                admission(" ", VotingMethod.ELECTRONIC)))
                .isInstanceOf(InvalidMotion.class)
                .hasMessage("voting.error.applicantMissing");
        assertThat(motions.ofMeeting(village.meeting())).isEmpty();
    }

    @Test
    void probationaryListOnlyOwnCell() {
        Village village = villages.startedMeetingWithRoll();

        assertThat(motions.probationaryOf(meetings.get(village.meeting()))).extracting(Member::fullName)
                .containsExactlyInAnyOrderElementsOf(VillageMeetings.PROBATIONARY);
    }

    @Test
    void personVoteNeedsMeetingInProgress() {
        Village village = villages.publishedMeeting();

        assertThatThrownBy(() -> management.open(village.secretary(), village.meeting(),
                admission(APPLICANT, VotingMethod.ELECTRONIC))).isInstanceOf(MeetingNotInSession.class);
    }

    @Test
    void requestParsesNames() {
        assertThat(MotionRequest.parse(null, "", "Nghị quyết", null, null))
                .isEqualTo(MotionRequest.resolution("Nghị quyết"));
        assertThat(MotionRequest.parse("RECOGNITION", "SHOW_OF_HANDS", null, null, " 42 "))
                .isEqualTo(new MotionRequest(MotionKind.RECOGNITION, VotingMethod.SHOW_OF_HANDS, null, null,
                        MemberId.of(42)));
        assertThatThrownBy(() -> MotionRequest.parse("DEMOTION", null, "x", null, null))
                .hasMessage("voting.error.kindInvalid");
        assertThatThrownBy(() -> MotionRequest.parse(null, "POSTAL", "x", null, null))
                .hasMessage("voting.error.methodInvalid");
        assertThatThrownBy(() -> MotionRequest.parse("RECOGNITION", null, null, null, "abc"))
                .hasMessage("voting.error.notProbationary");
    }

    private static MotionRequest admission(String applicant, VotingMethod method) {
        return new MotionRequest(MotionKind.ADMISSION, method, null, applicant, null);
    }

    private static MotionRequest recognition(@Nullable MemberId member) {
        return new MotionRequest(MotionKind.RECOGNITION, VotingMethod.SHOW_OF_HANDS, null, null, member);
    }
}
