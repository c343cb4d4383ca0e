package vn.chibo.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.MeetingChange;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.MeetingPublished;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.member.MemberId;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SqlTest
class NotificationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Notifications notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    private static final Locale VIETNAMESE = Locale.of("vi");

    @Test
    void publishingNotifiesRosterAndOfficersOnce() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId draft = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));
        MeetingId published = fixtures.published(village, Instant.now().plus(Duration.ofDays(5)));

        await().atMost(WAIT).until(() -> count(published) == 4);
        for (Actor recipient : List.of(village.secretary(), village.member(), village.probationary(),
                village.officer())) {
            assertThat(kindsFor(recipient, published)).as(recipient.username()).containsExactly("PUBLISHED");
        }
        assertThat(kindsFor(village.outsider(), published)).isEmpty();
        assertThat(count(draft)).isZero();
    }

    @Test
    void redeliveredEventAddsNothing() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(5)));
        await().atMost(WAIT).until(() -> count(meeting) == 4);

        Integer again = transactions.execute(status -> notifications.notifyCell(village.cell().id(), meeting,
                NotificationKind.PUBLISHED, MeetingNotices.ONCE, Set.of()));
        assertThat(again).isZero();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(new MeetingPublished(meeting, village.cell().id()));
            events.publishEvent(new MeetingPublished(meeting, village.cell().id()));
        });
        await().atMost(WAIT).until(() -> incompleteListeners() == 0);
        assertThat(count(meeting)).isEqualTo(4);
    }

    @Test
    void changedDetailsNotifyOncePerSave() {
        MeetingFixtures.Village village = fixtures.village();
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId meeting = fixtures.published(village, start);
        await().atMost(WAIT).until(() -> count(meeting) == 4);
        MeetingDetails details = fixtures.details(village, start);

        management.revise(village.secretary(), meeting, withTitle(details, "Sinh hoạt chi bộ tháng 12 (sửa tên)"));
        management.revise(village.secretary(), meeting, withTitle(details, "Sinh hoạt chi bộ tháng 12 (sửa tên)"));
        MeetingDetails moved = new MeetingDetails(details.kind(), MeetingMode.IN_PERSON, details.title(),
                start.plus(Duration.ofHours(1)), details.plannedEndAt().plus(Duration.ofHours(1)),
                "Hội trường xã Minh An", null, details.chair(), details.minuteTaker(), details.agenda());
        management.revise(village.secretary(), meeting, moved);
        MeetingDetails newAgenda = new MeetingDetails(moved.kind(), moved.mode(), moved.title(), moved.startsAt(),
                moved.plannedEndAt(), moved.place(), null, moved.chair(), moved.minuteTaker(),
                List.of(new AgendaItem("Khai mạc", null), new AgendaItem("Học tập chuyên đề", null),
                        new AgendaItem("Bế mạc", null)));
        management.revise(village.secretary(), meeting, newAgenda);

        await().atMost(WAIT).until(() -> count(meeting) == 12);
        List<Notification> stored = jdbc.sql("select id from notification where meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query(Long.class)
                .list()
                .stream()
                .map(id -> store.find(NotificationId.of(id)).orElseThrow())
                .filter(notification -> notification.accountId().equals(village.member().accountId()))
                .filter(notification -> notification.kind() == NotificationKind.CHANGED)
                .toList();
        assertThat(stored).extracting(Notification::changes).containsExactlyInAnyOrder(
                Set.of(MeetingChange.TIME, MeetingChange.PLACE, MeetingChange.MODE), Set.of(MeetingChange.AGENDA));
        assertThat(audit.entriesFor("meeting", meeting.value())).extracting(entry -> entry.detail())
                .contains("changes=MODE,PLACE,TIME", "changes=AGENDA");
    }

    @Test
    void revisingDraftNotifiesNobody() {
        MeetingFixtures.Village village = fixtures.village();
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId draft = fixtures.draft(village, start);
        MeetingDetails details = fixtures.details(village, start.plus(Duration.ofDays(1)));
        management.revise(village.secretary(), draft, details);

        MeetingId marker = fixtures.published(village, start);
        await().atMost(WAIT).until(() -> count(marker) == 4);
        await().atMost(WAIT).until(() -> incompleteListeners() == 0);
        assertThat(count(draft)).isZero();
    }

    @Test
    void cancellingAnnouncedMeetingNotifiesAndDraftDoesNot() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId draft = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));
        MeetingId announced = fixtures.published(village, Instant.now().plus(Duration.ofDays(5)));
        await().atMost(WAIT).until(() -> count(announced) == 4);

        management.cancel(village.secretary(), draft, "Trùng lịch");
        management.cancel(village.secretary(), announced, "Trùng lịch họp của Đảng ủy xã");

        await().atMost(WAIT).until(() -> count(announced) == 8);
        await().atMost(WAIT).until(() -> incompleteListeners() == 0);
        assertThat(count(draft)).isZero();
        NotificationView cancelled = notifications.of(village.member(), VIETNAMESE).stream()
                .filter(view -> view.meetingId() == announced.value() && view.kind() == NotificationKind.CANCELLED)
                .findFirst()
                .orElseThrow();
        assertThat(cancelled.headline()).isEqualTo("Cuộc sinh hoạt đã bị hủy");
        assertThat(cancelled.detail()).isEqualTo("Lý do hủy: Trùng lịch họp của Đảng ủy xã");
    }

    @Test
    void centreRendersAndMarksOwnOnly() {
        MeetingFixtures.Village village = fixtures.village();
        Instant start = Instant.parse("2099-12-20T01:00:00Z");
        MeetingId meeting = fixtures.published(village, start);
        await().atMost(WAIT).until(() -> count(meeting) == 4);

        List<NotificationView> vietnamese = notifications.of(village.member(), VIETNAMESE);
        NotificationView view = vietnamese.stream().filter(each -> each.meetingId() == meeting.value()).findFirst()
                .orElseThrow();
        assertThat(view.headline()).isEqualTo("Lịch sinh hoạt mới");
        assertThat(view.when()).isEqualTo("20/12/2099 08:00 (giờ Việt Nam, UTC+7)");
        assertThat(view.path()).isEqualTo("/meetings/" + meeting.value());
        assertThat(view.read()).isFalse();
        NotificationView english = notifications.of(village.member(), Locale.ENGLISH).stream()
                .filter(each -> each.id() == view.id()).findFirst().orElseThrow();
        assertThat(english.headline()).isEqualTo("New meeting announced");

        int unreadBefore = notifications.unreadCount(village.member());
        assertThatThrownBy(() -> notifications.markRead(village.outsider(), NotificationId.of(view.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(notifications.unreadCount(village.member())).isEqualTo(unreadBefore);

        notifications.markRead(village.member(), NotificationId.of(view.id()));
        assertThat(notifications.unreadCount(village.member())).isEqualTo(unreadBefore - 1);
        notifications.markAllRead(village.member());
        assertThat(notifications.unreadCount(village.member())).isZero();
        assertThat(notifications.unreadCount(village.secretary())).isPositive();
        assertThat(notifications.of(village.outsider(), VIETNAMESE))
                .noneMatch(each -> each.meetingId() == meeting.value());
    }

    @Test
    void reasonDecisionNotifiesMemberEachTime() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(5)));
        await().atMost(WAIT).until(() -> count(meeting) == 4);
        MemberId member = village.memberOf(village.member()).id();

        responses.answer(village.member(), meeting, ResponseAnswer.ABSENT, "Đi làm xa");
        responses.decide(village.secretary(), meeting, member, false);
        await().atMost(WAIT).until(() -> kindsFor(village.member(), meeting).contains("REASON_REJECTED"));
        responses.answer(village.member(), meeting, ResponseAnswer.ABSENT, "Nằm viện");
        responses.decide(village.secretary(), meeting, member, false);
        responses.decide(village.secretary(), meeting, member, true);

        await().atMost(WAIT).until(() -> kindsFor(village.member(), meeting).size() == 4);
        assertThat(kindsFor(village.member(), meeting)).containsExactlyInAnyOrder("PUBLISHED", "REASON_REJECTED",
                "REASON_REJECTED", "REASON_APPROVED");
        assertThat(kindsFor(village.secretary(), meeting)).containsExactly("PUBLISHED");
        NotificationView rejected = notifications.of(village.member(), VIETNAMESE).stream()
                .filter(view -> view.kind() == NotificationKind.REASON_REJECTED)
                .findFirst()
                .orElseThrow();
        assertThat(rejected.headline()).isEqualTo("Lý do vắng của đồng chí không được chấp nhận");
        assertThat(rejected.detail()).startsWith("Nếu vắng, đồng chí sẽ được ghi là vắng không lý do.");
    }

    @Autowired
    MeetingResponses responses;

    @Autowired
    NotificationStore store;

    private static MeetingDetails withTitle(MeetingDetails details, String title) {
        return new MeetingDetails(details.kind(), details.mode(), title, details.startsAt(), details.plannedEndAt(),
                details.place(), details.onlineLink(), details.chair(), details.minuteTaker(), details.agenda());
    }

    private int count(MeetingId meeting) {
        return jdbc.sql("select count(*) from notification where meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query(Integer.class)
                .single();
    }

    private List<String> kindsFor(Actor actor, MeetingId meeting) {
        return jdbc.sql("select kind from notification where meeting_id = :meeting and account_id = :account")
                .param("meeting", meeting.value())
                .param("account", actor.accountId().value())
                .query(String.class)
                .list();
    }

    private int incompleteListeners() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Integer.class)
                .single();
    }
}
