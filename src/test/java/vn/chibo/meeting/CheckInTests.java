package vn.chibo.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.member.Member;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SqlTest
class CheckInTests {

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    Fixtures rosterFixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    CheckIns checkIns;

    @Autowired
    CheckInCodes codes;

    @Autowired
    Attendances attendances;

    @Autowired
    AttendanceProperties properties;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    Village village;
    MeetingId meeting;
    Member member;

    @BeforeEach
    void meetingInProgress() {
        village = fixtures.village();
        meeting = fixtures.underway(village);
        member = village.memberOf(village.member());
    }

    @Test
    void checkInMarksPresentInPerson() {
        Instant before = Instant.now();

        CheckIns.Arrival arrival = checkIns.checkIn(village.member(), meeting, codes.current(meeting));

        assertThat(arrival.status()).isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
        assertThat(arrival.changed()).isTrue();
        assertThat(arrival.late()).isFalse();
        RollMark mark = meetings.markOf(meeting, member.id()).orElseThrow();
        assertThat(mark.status()).isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
        assertThat(mark.arrivedAt()).isBetween(before, Instant.now());
        assertThat(mark.leftAt()).isNull();
        assertThat(audit.entriesFor("meeting", meeting.value())).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("attendance.checkedIn",
                        "member=" + member.id() + " status=PRESENT_IN_PERSON"));
    }

    @Test
    void secondScanKeepsFirstArrival() {
        Instant first = checkIns.checkIn(village.member(), meeting, codes.current(meeting)).arrivedAt();

        CheckIns.Arrival again = checkIns.checkIn(village.member(), meeting, codes.current(meeting));

        assertThat(again.changed()).isFalse();
        assertThat(again.arrivedAt()).isEqualTo(first);
        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().arrivedAt()).isEqualTo(first);
        assertThat(checkInEntries(member)).hasSize(1);
    }

    @Test
    void roomBeatsOnlineWithFirstArrival() {
        CheckIns.Arrival online = checkIns.joinOnline(village.member(), meeting);
        assertThat(online.onlineLink()).isEqualTo("https://meet.example.com/hb3");
        assertThat(online.status()).isEqualTo(AttendanceStatus.PRESENT_ONLINE);

        CheckIns.Arrival inRoom = checkIns.checkIn(village.member(), meeting, codes.current(meeting));
        CheckIns.Arrival onlineAgain = checkIns.joinOnline(village.member(), meeting);

        assertThat(inRoom.status()).isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
        assertThat(inRoom.arrivedAt()).isEqualTo(online.arrivedAt());
        assertThat(onlineAgain.status()).isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
        assertThat(onlineAgain.changed()).isFalse();
        assertThat(onlineAgain.onlineLink()).isEqualTo("https://meet.example.com/hb3");
        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().status())
                .isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
    }

    @Test
    void arrivalAfterGraceIsLate() {
        MeetingId lateMeeting = fixtures.published(village, Instant.now().minus(properties.lateAfter()).minus(
                Duration.ofMinutes(5)));
        management.start(village.secretary(), lateMeeting);
        jdbc.sql("update meeting set started_at = starts_at where id = :id").param("id", lateMeeting.value()).update();

        CheckIns.Arrival arrival = checkIns.checkIn(village.member(), lateMeeting, codes.current(lateMeeting));

        assertThat(arrival.late()).isTrue();
        assertThat(meetings.markOf(lateMeeting, member.id()).orElseThrow().late()).isTrue();
    }

    @Test
    void rejectsExpiredAndForgedCodes() {
        var earlier = new CheckInCodes(properties, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)));
        String current = codes.current(meeting);
        MeetingId other = fixtures.underway(village);

        assertThatThrownBy(() -> checkIns.checkIn(village.member(), meeting, earlier.current(meeting)))
                .isInstanceOf(InvalidInputException.class).hasMessage("meeting.checkIn.error.codeExpired");
        assertThatThrownBy(() -> checkIns.checkIn(village.member(), meeting, codes.current(other)))
                .isInstanceOf(InvalidInputException.class).hasMessage("meeting.checkIn.error.codeInvalid");
        assertThatThrownBy(() -> checkIns.checkIn(village.member(), meeting, current + "x"))
                .isInstanceOf(InvalidInputException.class).hasMessage("meeting.checkIn.error.codeInvalid");
        assertThatThrownBy(() -> checkIns.checkIn(village.member(), meeting, null))
                .isInstanceOf(InvalidInputException.class).hasMessage("meeting.checkIn.error.codeInvalid");
        assertThat(meetings.markOf(meeting, member.id())).isEmpty();
    }

    @Test
    void onlyWhileInProgress() {
        MeetingId notStarted = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(10)));
        MeetingId closed = fixtures.underway(village);
        management.close(village.secretary(), closed);

        assertThatThrownBy(() -> checkIns.checkIn(village.member(), notStarted, codes.current(notStarted)))
                .isInstanceOf(ConflictException.class).hasMessage("meeting.checkIn.error.notStarted");
        assertThatThrownBy(() -> checkIns.joinOnline(village.member(), notStarted))
                .isInstanceOf(ConflictException.class).hasMessage("meeting.checkIn.error.notStarted");
        assertThatThrownBy(() -> checkIns.checkIn(village.member(), closed, codes.current(closed)))
                .isInstanceOf(ConflictException.class).hasMessage("meeting.checkIn.error.closed");
        assertThatThrownBy(() -> checkIns.code(village.secretary(), closed))
                .isInstanceOf(ConflictException.class).hasMessage("meeting.checkIn.error.closed");
    }

    @Test
    void onlyMembersOfTheCell() {
        assertThatThrownBy(() -> checkIns.checkIn(village.officer(), meeting, codes.current(meeting)))
                .isInstanceOf(ForbiddenException.class).hasMessage("meeting.checkIn.error.notMember");
        assertThatThrownBy(() -> checkIns.checkIn(village.outsider(), meeting, codes.current(meeting)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkIns.joinOnline(village.outsider(), meeting))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkIns.code(village.member(), meeting))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> checkIns.code(village.outsider(), meeting))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void joinOnlyForMeetingsWithLink() {
        jdbc.sql("update meeting set mode = 'IN_PERSON', online_link = null where id = :id")
                .param("id", meeting.value()).update();

        assertThatThrownBy(() -> checkIns.joinOnline(village.member(), meeting))
                .isInstanceOf(ConflictException.class).hasMessage("meeting.checkIn.error.notOnline");
        assertThat(meetings.markOf(meeting, member.id())).isEmpty();
    }

    @Test
    void leavingEarlyKeepsFirstTime() {
        checkIns.checkIn(village.member(), meeting, codes.current(meeting));

        checkIns.leave(village.member(), meeting);
        Instant leftAt = meetings.markOf(meeting, member.id()).orElseThrow().leftAt();

        assertThat(leftAt).isNotNull();
        assertThatThrownBy(() -> checkIns.leave(village.member(), meeting))
                .isInstanceOf(ConflictException.class).hasMessage("meeting.checkIn.error.notPresent");
        assertThatThrownBy(() -> checkIns.recordLeave(village.secretary(), meeting, member.id()))
                .isInstanceOf(ConflictException.class).hasMessage("meeting.checkIn.error.notPresent");
        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().leftAt()).isEqualTo(leftAt);
        assertThat(audit.entriesFor("meeting", meeting.value())).extracting(AuditEntry::action)
                .containsOnlyOnce("attendance.left");
    }

    @Test
    void secretaryRecordsEarlyLeave() {
        management.recordAttendance(village.secretary(), meeting, member.id(), AttendanceStatus.PRESENT_IN_PERSON, null);

        assertThatThrownBy(() -> checkIns.recordLeave(village.member(), meeting, member.id()))
                .isInstanceOf(ForbiddenException.class);
        checkIns.recordLeave(village.secretary(), meeting, member.id());

        RollMark mark = meetings.markOf(meeting, member.id()).orElseThrow();
        assertThat(mark.arrivedAt()).isNotNull();
        assertThat(mark.leftAt()).isNotNull();
    }

    @Test
    void absenceMarkClearsTimes() {
        checkIns.checkIn(village.member(), meeting, codes.current(meeting));
        checkIns.leave(village.member(), meeting);

        management.recordAttendance(village.secretary(), meeting, member.id(), AttendanceStatus.ABSENT_UNEXCUSED, null);

        RollMark mark = meetings.markOf(meeting, member.id()).orElseThrow();
        assertThat(mark.status()).isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
        assertThat(mark.arrivedAt()).isNull();
        assertThat(mark.leftAt()).isNull();
    }

    @Test
    void markBeforeStartHasNoArrival() {
        MeetingId published = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(10)));

        // The roll call accepts marks only while the meeting is in progress, so this writes the roll directly.
        attendances.record(published, member.id(), AttendanceStatus.PRESENT_IN_PERSON, null,
                village.secretary().accountId().value(), Instant.now());

        RollMark mark = meetings.markOf(published, member.id()).orElseThrow();
        assertThat(mark.arrivedAt()).isNull();
        assertThat(mark.late()).isFalse();
    }

    @Test
    void secretaryMarkKeepsCheckInTime() {
        Instant arrived = checkIns.joinOnline(village.member(), meeting).arrivedAt();

        management.recordAttendance(village.secretary(), meeting, member.id(), AttendanceStatus.PRESENT_IN_PERSON, null);

        RollMark mark = meetings.markOf(meeting, member.id()).orElseThrow();
        assertThat(mark.status()).isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
        assertThat(mark.arrivedAt()).isEqualTo(arrived);
    }

    @Test
    void closingKeepsCheckInOfUnmarkedMember() {
        checkIns.checkIn(village.member(), meeting, codes.current(meeting));

        management.close(village.secretary(), meeting);

        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().status())
                .isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
    }

    @Test
    void twoSecretariesMarkingAtOnceLeaveOneRecord() throws Exception {
        Actor deputy = rosterFixtures.accountWithoutMember(village.cell(), Role.CELL_DEPUTY_SECRETARY);
        List<Member> expected = village.all(Member::isExpectedAtMeetings);

        for (Member marked : expected) {
            List<Object> outcomes = concurrently(
                    () -> {
                        management.recordAttendance(village.secretary(), meeting, marked.id(),
                                AttendanceStatus.PRESENT_IN_PERSON, null);
                        return AttendanceStatus.PRESENT_IN_PERSON;
                    },
                    () -> {
                        management.recordAttendance(deputy, meeting, marked.id(), AttendanceStatus.PRESENT_ONLINE,
                                null);
                        return AttendanceStatus.PRESENT_ONLINE;
                    });

            assertThat(outcomes).as("both marks of member %s succeed", marked.id())
                    .containsExactlyInAnyOrder(AttendanceStatus.PRESENT_IN_PERSON, AttendanceStatus.PRESENT_ONLINE);
            assertThat(rowsOf(marked)).as("rows of member %s", marked.id()).isEqualTo(1);
            RollMark mark = meetings.markOf(meeting, marked.id()).orElseThrow();
            assertThat(mark.status()).isIn(AttendanceStatus.PRESENT_IN_PERSON, AttendanceStatus.PRESENT_ONLINE);
            assertThat(mark.arrivedAt()).isNotNull();
        }
    }

    @Test
    void concurrentScansRecordOneArrival() throws Exception {
        String code = codes.current(meeting);

        List<Object> arrivals = concurrently(
                () -> checkIns.checkIn(village.member(), meeting, code),
                () -> checkIns.checkIn(village.member(), meeting, code),
                () -> checkIns.joinOnline(village.member(), meeting));

        assertThat(arrivals).hasSize(3).allMatch(CheckIns.Arrival.class::isInstance);
        assertThat(rowsOf(member)).isEqualTo(1);
        assertThat(arrivals).extracting(arrival -> ((CheckIns.Arrival) arrival).arrivedAt()).containsOnly(
                meetings.markOf(meeting, member.id()).orElseThrow().arrivedAt());
        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().status())
                .isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
        // Whichever ran first, exactly one scan changed the mark to the room; a join that ran first is a second entry.
        assertThat(checkInEntries(member)).extracting(AuditEntry::action).containsOnlyOnce("attendance.checkedIn");
        assertThat(checkInEntries(member)).extracting(AuditEntry::action)
                .filteredOn("attendance.joinedOnline"::equals).hasSizeLessThanOrEqualTo(1);
    }

    /** Runs the tasks at the same moment on threads of their own and returns their results, failing on any error. */
    @SafeVarargs
    private static List<Object> concurrently(Callable<?>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            var ready = new CountDownLatch(tasks.length);
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<?>>();
            for (Callable<?> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            var results = new ArrayList<Object>();
            for (Future<?> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private int rowsOf(Member marked) {
        return jdbc.sql("select count(*) from attendance where meeting_id = :meeting and member_id = :member")
                .param("meeting", meeting.value()).param("member", marked.id().value())
                .query(Integer.class).single();
    }

    private List<AuditEntry> checkInEntries(Member checkedIn) {
        return audit.entriesFor("meeting", meeting.value()).stream()
                .filter(entry -> entry.action().startsWith("attendance.checkedIn")
                        || entry.action().equals("attendance.joinedOnline"))
                .filter(entry -> entry.detail() != null && entry.detail().startsWith("member=" + checkedIn.id() + " "))
                .toList();
    }
}
