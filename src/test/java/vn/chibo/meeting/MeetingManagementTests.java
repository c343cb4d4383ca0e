package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SqlTest
class MeetingManagementTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    AuditLog audit;

    @Test
    void schedulesPublishesAndClosesWithCompleteRoll() {
        var commune = fixtures.commune();
        MemberId secretaryMember = fixtures.member(commune.cell(), "Nguyễn Văn Thắng", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        MemberId present = fixtures.member(commune.cell(), "Trần Thị Hường", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        MemberId unmarked = fixtures.member(commune.cell(), "Lê Văn Ân", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.account(commune.cell(), secretaryMember, Role.MEMBER, Role.CELL_SECRETARY);

        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        MeetingId id = management.schedule(secretary, commune.cell().id(), details(start, secretaryMember, present));
        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.DRAFT);
        assertThat(meetings.get(id).agenda()).extracting(AgendaItem::title).containsExactly("Khai mạc", "Bế mạc");
        assertThat(meetings.get(id).startsAt()).isEqualTo(start);

        List<MeetingWarning> warnings = management.publish(secretary, id);
        assertThat(warnings).containsExactly(MeetingWarning.PUBLISHED_LATE);
        assertThatThrownBy(() -> management.recordAttendance(secretary, id, present,
                AttendanceStatus.PRESENT_IN_PERSON, null))
                .isInstanceOf(MeetingNotInState.class);
        assertThatThrownBy(() -> management.close(secretary, id)).isInstanceOf(MeetingNotInState.class);

        management.start(secretary, id);
        management.recordAttendance(secretary, id, secretaryMember, AttendanceStatus.PRESENT_IN_PERSON, null);
        management.recordAttendance(secretary, id, present, AttendanceStatus.PRESENT_ONLINE, null);
        management.close(secretary, id);

        Meeting closed = meetings.get(id);
        assertThat(closed.status()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(meetings.markOf(id, unmarked)).get().extracting(RollMark::status)
                .isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
        assertThat(meetings.tally(id).denominator()).isEqualTo(3);
        assertThat(audit.entriesFor("meeting", id.value())).extracting(entry -> entry.action())
                .contains("meeting.scheduled", "meeting.published", "meeting.started", "attendance.recorded",
                        "meeting.closed");
    }

    @Test
    void rejectsEndBeforeStart() {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        Instant start = Instant.parse("2026-12-20T01:00:00Z");
        var details = new MeetingDetails(MeetingKind.REGULAR, MeetingMode.IN_PERSON, "Sinh hoạt tháng 12", start,
                start.minus(Duration.ofHours(1)), "Nhà văn hóa thôn", null, null, null,
                List.of(new AgendaItem("Khai mạc", null)));

        assertThatThrownBy(() -> management.schedule(secretary, commune.cell().id(), details))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("meeting.error.endBeforeStart");
        assertThat(meetings.ofCell(commune.cell().id())).isEmpty();
    }

    @Test
    void plainMemberMayNotScheduleAndOutsiderSeesNothing() {
        var commune = fixtures.commune();
        var otherCell = fixtures.cellUnder(commune.committee());
        MemberId memberId = fixtures.member(commune.cell(), "Phạm Thị Ánh", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), memberId, Role.MEMBER);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        Actor outsider = fixtures.accountWithoutMember(otherCell, Role.CELL_SECRETARY);
        Instant start = Instant.parse("2026-12-20T01:00:00Z");

        assertThatThrownBy(() -> management.schedule(member, commune.cell().id(), details(start, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> management.schedule(outsider, commune.cell().id(), details(start, null, null)))
                .isInstanceOf(NotFoundException.class);

        MeetingId id = management.schedule(secretary, commune.cell().id(), details(start, null, null));
        assertThatThrownBy(() -> meetings.visibleTo(member, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> meetings.visibleTo(outsider, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void startingBeforeMeetingDayNamesDate() {
        var commune = fixtures.commune();
        MemberId chair = fixtures.member(commune.cell(), "Hoàng Văn An", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.account(commune.cell(), chair, Role.CELL_SECRETARY);
        MeetingId id = management.schedule(secretary, commune.cell().id(),
                details(Instant.parse("2099-01-20T01:00:00Z"), chair, chair));
        management.publish(secretary, id);

        assertThatThrownBy(() -> management.start(secretary, id))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("meeting.error.startTooEarly")
                .extracting(failure -> ((InvalidInputException) failure).messageArguments()[0])
                .isEqualTo("20/01/2099");
        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.PUBLISHED);
        assertThat(meetings.get(id).startedAt()).isNull();
    }

    @Test
    void publishTwiceConflicts() {
        var commune = fixtures.commune();
        MemberId chair = fixtures.member(commune.cell(), "Hoàng Văn An", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.account(commune.cell(), chair, Role.CELL_SECRETARY);
        MeetingId id = management.schedule(secretary, commune.cell().id(),
                details(Instant.parse("2027-01-20T01:00:00Z"), chair, chair));
        management.publish(secretary, id);

        assertThatThrownBy(() -> management.publish(secretary, id))
                .isInstanceOf(ConflictException.class)
                .hasMessage("meeting.error.state");
    }

    @Test
    void startsClosesAndRecordsApprovedMinutes() {
        var commune = fixtures.commune();
        MemberId chair = fixtures.member(commune.cell(), "Hoàng Văn An", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.account(commune.cell(), chair, Role.CELL_SECRETARY);
        Instant start = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        MeetingId id = management.schedule(secretary, commune.cell().id(), details(start, chair, chair));

        assertThatThrownBy(() -> management.start(secretary, id)).hasMessage("meeting.error.state");
        management.publish(secretary, id);
        management.start(secretary, id);
        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.IN_PROGRESS);
        assertThat(meetings.get(id).startedAt()).isNotNull();
        assertThatThrownBy(() -> management.cancel(secretary, id, "Mưa bão")).hasMessage("meeting.error.state");

        management.close(secretary, id);
        management.recordMinutesApproved(id);
        Meeting approved = meetings.get(id);
        assertThat(approved.status()).isEqualTo(MeetingStatus.MINUTES_APPROVED);
        assertThat(approved.isClosed()).isTrue();
        assertThat(approved.minutesApprovedAt()).isNotNull();
        assertThat(audit.entriesFor("meeting", id.value())).extracting(entry -> entry.action())
                .contains("meeting.started", "meeting.closed", "meeting.minutesApproved");
    }

    @Test
    void cancelsWithReasonOnlyBeforeStart() {
        var commune = fixtures.commune();
        MemberId chair = fixtures.member(commune.cell(), "Hoàng Văn An", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.account(commune.cell(), chair, Role.CELL_SECRETARY);
        MeetingId id = management.schedule(secretary, commune.cell().id(),
                details(Instant.parse("2027-01-20T01:00:00Z"), chair, chair));
        management.publish(secretary, id);

        assertThatThrownBy(() -> management.cancel(secretary, id, "   "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("meeting.error.cancelReasonMissing");
        management.cancel(secretary, id, "  Trùng lịch họp của Đảng ủy xã ");

        Meeting cancelled = meetings.get(id);
        assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("Trùng lịch họp của Đảng ủy xã");
        assertThatThrownBy(() -> management.publish(secretary, id)).hasMessage("meeting.error.state");
        assertThat(audit.entriesFor("meeting", id.value())).extracting(entry -> entry.action())
                .contains("meeting.cancelled");
    }

    private static MeetingDetails details(Instant start, MemberId chair, MemberId minuteTaker) {
        return new MeetingDetails(MeetingKind.REGULAR, MeetingMode.HYBRID, "Sinh hoạt chi bộ tháng 12/2026", start,
                start.plus(Duration.ofHours(2)), "Nhà văn hóa thôn", "https://meet.example.com/chibo", chair,
                minuteTaker, List.of(new AgendaItem("Khai mạc", null), new AgendaItem("Bế mạc", "")));
    }
}
