package vn.chibo.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.chibo.meeting.AttendanceStatus.ABSENT_EXCUSED;
import static vn.chibo.meeting.AttendanceStatus.ABSENT_UNEXCUSED;
import static vn.chibo.meeting.AttendanceStatus.PRESENT_IN_PERSON;
import static vn.chibo.meeting.AttendanceStatus.PRESENT_ONLINE;
import static vn.chibo.member.ActivityStatus.ACTIVE;
import static vn.chibo.member.ActivityStatus.EXEMPT;
import static vn.chibo.member.ActivityStatus.SENT_OUT;
import static vn.chibo.member.MembershipStatus.OFFICIAL;
import static vn.chibo.member.MembershipStatus.PROBATIONARY;

class AttendanceTallyTests {

    private final List<Member> roster = new ArrayList<>();
    private final Map<MemberId, AttendanceStatus> roll = new HashMap<>();

    /**
     * The sample village cell: 33 official (5 exempt, 2 sent out) and 3 probationary members; one
     * official member excused, one absent without reason, 22 present in the room and 5 online.
     */
    @Test
    void villageMeetingNeeds13Of25() {
        add(5, OFFICIAL, EXEMPT, null);
        add(2, OFFICIAL, SENT_OUT, null);
        add(1, OFFICIAL, ACTIVE, ABSENT_EXCUSED);
        add(1, OFFICIAL, ACTIVE, ABSENT_UNEXCUSED);
        add(20, OFFICIAL, ACTIVE, PRESENT_IN_PERSON);
        add(4, OFFICIAL, ACTIVE, PRESENT_ONLINE);
        add(2, PROBATIONARY, ACTIVE, PRESENT_IN_PERSON);
        add(1, PROBATIONARY, ACTIVE, PRESENT_ONLINE);

        AttendanceTally tally = AttendanceTally.of(roster, roll);

        assertThat(tally.total()).isEqualTo(36);
        assertThat(tally.official()).isEqualTo(33);
        assertThat(tally.probationary()).isEqualTo(3);
        assertThat(tally.exempt()).isEqualTo(5);
        assertThat(tally.sentOut()).isEqualTo(2);
        assertThat(tally.expected()).isEqualTo(29);
        assertThat(tally.presentInPerson()).isEqualTo(22);
        assertThat(tally.presentOnline()).isEqualTo(5);
        assertThat(tally.probationaryPresent()).isEqualTo(3);
        assertThat(tally.absentExcused()).hasSize(1);
        assertThat(tally.absentUnexcused()).hasSize(1);
        assertThat(tally.notRecorded()).isEmpty();
        assertThat(tally.eligibleVotersPresent()).isEqualTo(24);
        assertThat(tally.denominator()).isEqualTo(25);
        assertThat(tally.votesNeeded()).isEqualTo(13);
        assertThat(tally.exclusions()).extracting(DenominatorExclusion::reason)
                .containsOnly(DenominatorExclusion.Reason.EXEMPT_ABSENT, DenominatorExclusion.Reason.SENT_OUT,
                        DenominatorExclusion.Reason.EXCUSED_ABSENCE)
                .hasSize(8);
        assertThat(tally.resolutionCanPass()).isTrue();
    }

    @ParameterizedTest(name = "{0} official, {1} excluded: denominator {2}, {3} needed")
    @CsvSource({
            "3, 0, 3, 2",
            "4, 0, 4, 3",
            "25, 0, 25, 13",
            "26, 0, 26, 14",
            "10, 3, 7, 4",
            "1, 1, 0, 1" })
    void votesNeededAreMoreThanHalf(int official, int sentOut, int denominator, int needed) {
        add(official - sentOut, OFFICIAL, ACTIVE, PRESENT_IN_PERSON);
        add(sentOut, OFFICIAL, SENT_OUT, null);

        AttendanceTally tally = AttendanceTally.of(roster, roll);

        assertThat(tally.denominator()).isEqualTo(denominator);
        assertThat(tally.votesNeeded()).isEqualTo(needed);
    }

    @Test
    void exemptMemberWhoAttendsCountsAndVotes() {
        add(2, OFFICIAL, ACTIVE, PRESENT_IN_PERSON);
        add(1, OFFICIAL, EXEMPT, PRESENT_IN_PERSON);
        add(1, OFFICIAL, EXEMPT, null);

        AttendanceTally tally = AttendanceTally.of(roster, roll);

        assertThat(tally.denominator()).isEqualTo(3);
        assertThat(tally.eligibleVotersPresent()).isEqualTo(3);
        assertThat(tally.absentUnexcused()).isEmpty();
    }

    @Test
    void sentOutMemberPresentDoesNotVote() {
        add(3, OFFICIAL, ACTIVE, PRESENT_IN_PERSON);
        add(1, OFFICIAL, SENT_OUT, PRESENT_ONLINE);

        AttendanceTally tally = AttendanceTally.of(roster, roll);

        assertThat(tally.present()).isEqualTo(4);
        assertThat(tally.eligibleVotersPresent()).isEqualTo(3);
        assertThat(tally.denominator()).isEqualTo(3);
    }

    @Test
    void suspendedMemberLeavesDenominator() {
        add(4, OFFICIAL, ACTIVE, PRESENT_IN_PERSON);
        add(1, OFFICIAL, ActivityStatus.SUSPENDED, null);

        AttendanceTally tally = AttendanceTally.of(roster, roll);

        assertThat(tally.denominator()).isEqualTo(4);
        assertThat(tally.suspended()).isEqualTo(1);
        assertThat(tally.expected()).isEqualTo(4);
    }

    @Test
    void unexcusedAbsenceStaysInDenominator() {
        add(3, OFFICIAL, ACTIVE, PRESENT_IN_PERSON);
        add(2, OFFICIAL, ACTIVE, ABSENT_UNEXCUSED);

        AttendanceTally tally = AttendanceTally.of(roster, roll);

        assertThat(tally.denominator()).isEqualTo(5);
        assertThat(tally.votesNeeded()).isEqualTo(3);
        assertThat(tally.resolutionCanPass()).isTrue();
    }

    @Test
    void tooFewPresentCannotPass() {
        add(2, OFFICIAL, ACTIVE, PRESENT_IN_PERSON);
        add(3, OFFICIAL, ACTIVE, ABSENT_UNEXCUSED);
        add(3, PROBATIONARY, ACTIVE, PRESENT_IN_PERSON);

        AttendanceTally tally = AttendanceTally.of(roster, roll);

        assertThat(tally.eligibleVotersPresent()).isEqualTo(2);
        assertThat(tally.votesNeeded()).isEqualTo(3);
        assertThat(tally.resolutionCanPass()).isFalse();
    }

    @Test
    void unmarkedExpectedMembersAreNotRecorded() {
        add(2, OFFICIAL, ACTIVE, null);
        add(1, PROBATIONARY, ACTIVE, null);
        add(1, OFFICIAL, EXEMPT, null);

        AttendanceTally tally = AttendanceTally.of(roster, roll);

        assertThat(tally.notRecorded()).hasSize(3);
        assertThat(tally.denominator()).isEqualTo(2);
    }

    private void add(int count, MembershipStatus membership, ActivityStatus activity, AttendanceStatus mark) {
        for (int i = 0; i < count; i++) {
            var id = MemberId.of(roster.size() + 1);
            roster.add(new Member(id, OrganizationId.of(1), "Đảng viên " + id, null, LocalDate.of(1980, 1, 1), null,
                    null, null, null, membership, activity, null, null, null, null, null));
            if (mark != null) {
                roll.put(id, mark);
            }
        }
    }
}
