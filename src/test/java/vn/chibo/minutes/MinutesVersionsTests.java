package vn.chibo.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Approval of the first version, corrections as new versions, and who reads which version. */
@SqlTest
class MinutesVersionsTests {

    private static final String REASON = "Ghi sai tên khách mời của Đảng ủy xã.";

    @Autowired
    ClosedVillageMeetings closedMeetings;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MinutesBook book;

    @Autowired
    MinutesManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    AuditLog audit;

    @Test
    void approvalMovesMeetingToMinutesApproved() {
        Village village = closedMeetings.closedMeeting();

        approveLatest(village);

        Meeting meeting = meetings.get(village.meeting());
        assertThat(meeting.status()).isEqualTo(MeetingStatus.MINUTES_APPROVED);
        assertThat(meeting.minutesApprovedAt()).isNotNull();
        assertThat(audit.entriesFor("meeting", village.meeting().value())).extracting(AuditEntry::action)
                .contains("meeting.minutesApproved");
    }

    @Test
    void correctionIsNewVersionWithReason() {
        Village village = closedMeetings.closedMeeting();
        management.edit(village.minuteTaker(), village.meeting(), new NarrativeEdit(NarrativePart.GUESTS,
                "Đồng chí Lê Văn Bính", null, null), book.of(village.meeting()).orElseThrow().version());
        approveLatest(village);
        Minutes first = book.of(village.meeting()).orElseThrow();

        int versionNo = management.startCorrection(village.secretary(), village.meeting(), "  " + REASON + "  ");

        Minutes correction = book.of(village.meeting()).orElseThrow();
        assertThat(versionNo).isEqualTo(2);
        assertThat(correction.versionNo()).isEqualTo(2);
        assertThat(correction.id()).isNotEqualTo(first.id());
        assertThat(correction.status()).isEqualTo(MinutesStatus.DRAFT);
        assertThat(correction.chairApprovedAt()).isNull();
        assertThat(correction.takerApprovedAt()).isNull();
        assertThat(correction.correction().reason()).isEqualTo(REASON);
        assertThat(correction.correction().requestedBy()).isEqualTo(village.secretary().accountId().value());
        assertThat(correction.facts()).isEqualTo(first.facts());
        assertThat(correction.narrative()).isEqualTo(first.narrative());
        assertThat(book.approved(village.meeting())).contains(first);

        management.edit(village.minuteTaker(), village.meeting(), new NarrativeEdit(NarrativePart.GUESTS,
                "Đồng chí Lê Văn Bình", null, null), correction.version());
        approveLatest(village);

        Minutes second = book.of(village.meeting()).orElseThrow();
        assertThat(second.status()).isEqualTo(MinutesStatus.APPROVED);
        assertThat(second.narrative().guests()).isEqualTo("Đồng chí Lê Văn Bình");
        assertThat(book.approved(village.meeting())).contains(second);
        assertThat(book.version(village.secretary(), village.meeting(), 1)).isEqualTo(first);
        assertThat(book.version(village.secretary(), village.meeting(), 1).narrative().guests())
                .isEqualTo("Đồng chí Lê Văn Bính");
        assertThat(book.versions(village.secretary(), village.meeting()))
                .extracting(Minutes::versionNo, Minutes::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, MinutesStatus.APPROVED),
                        org.assertj.core.groups.Tuple.tuple(2, MinutesStatus.APPROVED));
        assertThat(meetings.get(village.meeting()).status()).isEqualTo(MeetingStatus.MINUTES_APPROVED);
        assertThat(audit.entriesFor("minutes", second.id())).extracting(AuditEntry::action)
                .containsExactly("minutes.correctionStarted", "minutes.edited", "minutes.approved",
                        "minutes.approved");
        assertThat(audit.entriesFor("minutes", second.id()).getFirst().actorAccountId())
                .isEqualTo(village.secretary().accountId().value());
    }

    @Test
    void correctionRejectsBadRequests() {
        Village village = closedMeetings.closedMeeting();
        Actor member = villages.accountOf(village, "Phạm Thị Ánh");
        Actor outsider = fixtures.accountWithoutMember(fixtures.cellUnder(village.commune().committee()),
                Role.CELL_SECRETARY);

        assertThatThrownBy(() -> management.startCorrection(village.secretary(), village.meeting(), REASON))
                .isInstanceOf(ConflictException.class)
                .hasMessage("minutes.error.correctionOpen");
        approveLatest(village);

        record Case(Actor actor, String reason, Class<?> failure, String key) {
        }
        for (Case each : List.of(
                new Case(village.secretary(), " \n ", InvalidMinutes.class, "minutes.error.reasonMissing"),
                new Case(village.minuteTaker(), "x".repeat(2001), InvalidMinutes.class,
                        "minutes.error.reasonTooLong"),
                new Case(member, REASON, ForbiddenException.class, "minutes.error.notEditor"))) {
            assertThatThrownBy(() -> management.startCorrection(each.actor(), village.meeting(), each.reason()))
                    .as(each.key())
                    .isInstanceOf(each.failure())
                    .hasMessage(each.key());
        }
        assertThatThrownBy(() -> management.startCorrection(outsider, village.meeting(), REASON))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.startCorrection(village.minuteTaker(), village.meeting(), null))
                .isInstanceOf(InvalidMinutes.class);
        assertThat(book.versions(village.secretary(), village.meeting())).hasSize(1);

        management.startCorrection(village.minuteTaker(), village.meeting(), REASON);
        assertThatThrownBy(() -> management.startCorrection(village.secretary(), village.meeting(), REASON))
                .isInstanceOf(ConflictException.class)
                .hasMessage("minutes.error.correctionOpen");
    }

    @Test
    void membersReadOnlyApprovedVersions() {
        Village village = closedMeetings.closedMeeting();
        Actor member = villages.accountOf(village, "Phạm Thị Ánh");

        assertThat(book.visibleTo(member, village.meeting())).isEmpty();
        assertThat(book.versions(member, village.meeting())).isEmpty();
        assertThatThrownBy(() -> book.version(member, village.meeting(), 1)).isInstanceOf(NotFoundException.class);
        assertThat(book.visibleTo(village.minuteTaker(), village.meeting())).isPresent();

        approveLatest(village);
        Minutes first = book.of(village.meeting()).orElseThrow();
        assertThat(book.visibleTo(member, village.meeting())).contains(first);

        management.startCorrection(village.secretary(), village.meeting(), REASON);
        assertThat(book.visibleTo(member, village.meeting())).contains(first);
        assertThat(book.versions(member, village.meeting())).extracting(Minutes::versionNo).containsExactly(1);
        assertThatThrownBy(() -> book.version(member, village.meeting(), 2)).isInstanceOf(NotFoundException.class);
        assertThat(book.visibleTo(village.secretary(), village.meeting())).get().extracting(Minutes::versionNo)
                .isEqualTo(2);
        assertThat(book.versions(village.secretary(), village.meeting())).extracting(Minutes::versionNo)
                .containsExactly(1, 2);
        assertThatThrownBy(() -> book.version(village.secretary(), village.meeting(), 3))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrentCorrectionsMakeOneVersion() throws Exception {
        Village village = closedMeetings.closedMeeting();
        approveLatest(village);
        int attempts = 4;
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                Actor actor = i % 2 == 0 ? village.secretary() : village.minuteTaker();
                Callable<Integer> correction = () -> {
                    start.await();
                    try {
                        return management.startCorrection(actor, village.meeting(), REASON);
                    }
                    catch (ConflictException expected) {
                        return 0;
                    }
                };
                results.add(pool.submit(correction));
            }
            start.countDown();
            List<Integer> versionNumbers = new ArrayList<>();
            for (Future<Integer> result : results) {
                versionNumbers.add(result.get());
            }
            assertThat(versionNumbers).containsExactlyInAnyOrder(2, 0, 0, 0);
        }
        assertThat(book.versions(village.secretary(), village.meeting())).extracting(Minutes::versionNo)
                .containsExactly(1, 2);
    }

    private void approveLatest(Village village) {
        management.approve(village.minuteTaker(), village.meeting(), book.of(village.meeting()).orElseThrow().version());
        assertThat(management.approve(village.secretary(), village.meeting(),
                book.of(village.meeting()).orElseThrow().version())).isEqualTo(ApprovalOutcome.MINUTES_APPROVED);
    }
}
