package vn.chibo.meeting;

import java.time.Instant;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.member.Member;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three meetings of 2026 in January, February and March. The plain member misses all three without
 * reason. The secretary comes to February's. The probationary member is excused in March. Everyone
 * left unmarked is recorded absent without reason when each meeting closes.
 */
@SqlTest
class AttendanceHistoryTests {

    private static final int YEAR = 2026;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    AttendanceHistory history;

    @Autowired
    AuditLog audit;

    Village village;
    Member plain;
    Member secretary;
    Member probationary;
    List<MeetingId> held;

    @BeforeEach
    void threeMonthsOfMeetings() {
        village = fixtures.village();
        plain = village.memberOf(village.member());
        secretary = village.secretaryMember();
        probationary = village.memberOf(village.probationary());

        MeetingId january = held("2026-01-10T12:00:00Z");
        MeetingId february = held("2026-02-14T12:00:00Z");
        MeetingId march = held("2026-03-14T12:00:00Z");
        management.recordAttendance(village.secretary(), february, secretary.id(), AttendanceStatus.PRESENT_IN_PERSON,
                null);
        management.recordAttendance(village.secretary(), march, probationary.id(), AttendanceStatus.ABSENT_EXCUSED,
                "Đi viện");
        for (MeetingId meeting : List.of(january, february, march)) {
            management.close(village.secretary(), meeting);
        }
        held = List.of(january, february, march);
    }

    private MeetingId held(String start) {
        MeetingId meeting = fixtures.published(village, Instant.parse(start));
        management.start(village.secretary(), meeting);
        return meeting;
    }

    @Test
    void memberSeesOwnYear() {
        AttendanceHistory.MemberAttendance own = history.ofMember(village.member(), village.cell().id(), plain.id(), YEAR);

        assertThat(own.records()).extracting(AttendanceRecord::meetingId).containsExactlyElementsOf(held);
        assertThat(own.records()).extracting(AttendanceRecord::status).containsOnly(AttendanceStatus.ABSENT_UNEXCUSED);
        assertThat(own.totals().get(AttendanceStatus.ABSENT_UNEXCUSED)).isEqualTo(3);
        assertThat(own.totals().get(AttendanceStatus.PRESENT_IN_PERSON)).isZero();
        assertThat(own.unmarked()).isZero();
        assertThat(own.flag()).get().extracting(AbsenceFlag::months)
                .isEqualTo(List.of(Month.JANUARY, Month.FEBRUARY, Month.MARCH));
        assertThat(audit.entriesFor("member", plain.id().value())).extracting(AuditEntry::action)
                .doesNotContain("attendance.historyViewed");
    }

    @Test
    void otherYearIsEmpty() {
        AttendanceHistory.MemberAttendance earlier = history.ofMember(village.member(), village.cell().id(), plain.id(),
                YEAR - 1);

        assertThat(earlier.records()).isEmpty();
        assertThat(earlier.flag()).isEmpty();
    }

    @Test
    void secretaryReadIsAudited() {
        AttendanceHistory.MemberAttendance seen = history.ofMember(village.secretary(), village.cell().id(),
                secretary.id(), YEAR);
        history.ofMember(village.secretary(), village.cell().id(), plain.id(), YEAR);

        assertThat(seen.totals().get(AttendanceStatus.PRESENT_IN_PERSON)).isEqualTo(1);
        assertThat(seen.totals().get(AttendanceStatus.ABSENT_UNEXCUSED)).isEqualTo(2);
        assertThat(seen.flag()).isEmpty();
        assertThat(audit.entriesFor("member", plain.id().value())).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("attendance.historyViewed", "year=" + YEAR));
    }

    @Test
    void othersSeeOnlyWhatProfileShows() {
        assertThatThrownBy(() -> history.ofMember(village.member(), village.cell().id(), secretary.id(), YEAR))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> history.ofMember(village.outsider(), village.cell().id(), plain.id(), YEAR))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> history.ofMember(village.secretary(), village.otherCell().id(), plain.id(), YEAR))
                .isInstanceOf(NotFoundException.class);
        assertThat(history.ofMember(village.officer(), village.cell().id(), plain.id(), YEAR).records()).hasSize(3);
    }

    @Test
    void flagsAbsentThreeMonthsForSecretaryOnly() {
        List<AttendanceHistory.FlaggedMember> flags = history.flagsOf(village.secretary(), village.cell().id(), YEAR);

        assertThat(flags).extracting(flagged -> flagged.member().id()).contains(plain.id())
                .doesNotContain(secretary.id(), probationary.id());
        AbsenceFlag plainFlag = flags.stream().filter(flagged -> flagged.member().id().equals(plain.id())).findFirst()
                .orElseThrow().flag();
        assertThat(plainFlag.absences()).extracting(AttendanceRecord::meetingId).containsExactlyElementsOf(held);
        assertThat(flags).allSatisfy(flagged -> assertThat(flagged.member().isExpectedAtMeetings()).isTrue());
        assertThat(history.flagsOf(village.member(), village.cell().id(), YEAR)).isEmpty();
        assertThat(history.flagsOf(village.outsider(), village.cell().id(), YEAR)).isEmpty();
        assertThat(history.flagsOf(village.secretary(), village.cell().id(), YEAR + 1)).isEmpty();
    }
}
