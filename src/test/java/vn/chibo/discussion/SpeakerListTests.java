package vn.chibo.discussion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.AgendaItemInUse;
import vn.chibo.meeting.CheckIns;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingNotInState;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.MinutesItem;
import vn.chibo.member.MembershipStatus;
import vn.chibo.system.DomainException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The rules of the speaker list: who raises a hand on which item, the queue, turns and the agenda moving on. */
@SqlTest
@RecordApplicationEvents
class SpeakerListTests {

    private static final String KHANH = "Lý Văn Khánh";
    private static final String BINH = "Trần Văn Bình";
    private static final String HUONG = VillageMeetings.MINUTE_TAKER;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SpeakerManagement management;

    @Autowired
    Speakers speakers;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    Meetings meetings;

    @Autowired
    CheckIns checkIns;

    @Autowired
    AuditLog audit;

    @Autowired
    OpinionManagement opinions;

    @Autowired
    MinutesBook minutes;

    @Autowired
    ApplicationEvents events;

    /** Who raises a hand, and the failure expected (null when the hand goes up). */
    record Raiser(String who, Function<Village, Actor> actor, Class<? extends Exception> failure,
            String messageKey) {
    }

    @Test
    void whoMayRaiseHand() {
        Village village = villages.startedMeetingWithRoll();
        Village other = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        Actor leftEarly = villages.accountOf(village, "Phạm Thị Ánh");
        checkIns.leave(leftEarly, village.meeting());
        Actor suspended = fixtures.account(village.commune().cell(), fixtures.member(village.commune().cell(),
                "Lê Văn Đình Chỉ", MembershipStatus.OFFICIAL, ActivityStatus.SUSPENDED), Role.MEMBER);
        Actor officer = fixtures.accountWithoutMember(village.commune().committee(), Role.COMMITTEE_OFFICER);

        List<Raiser> table = List.of(
                new Raiser("official in the room", v -> villages.accountOf(v, HUONG), null, null),
                new Raiser("official online", v -> villages.accountOf(v, KHANH), null, null),
                new Raiser("probationary online", v -> villages.accountOf(v, VillageMeetings.PROBATIONARY.getFirst()),
                        null, null),
                new Raiser("excused absence", v -> villages.accountOf(v, VillageMeetings.EXCUSED),
                        SpeakerRequestRejected.class, "discussion.speakers.error.notPresent"),
                new Raiser("absent without reason", v -> villages.accountOf(v, VillageMeetings.ABSENT),
                        SpeakerRequestRejected.class, "discussion.speakers.error.notPresent"),
                new Raiser("exempt, not on the roll", v -> villages.accountOf(v, VillageMeetings.EXEMPT.getFirst()),
                        SpeakerRequestRejected.class, "discussion.speakers.error.notPresent"),
                new Raiser("left early", v -> leftEarly, SpeakerRequestRejected.class,
                        "discussion.speakers.error.notPresent"),
                new Raiser("suspended", v -> suspended, ForbiddenException.class, "error.forbidden"),
                new Raiser("committee officer without member record", v -> officer, ForbiddenException.class,
                        "error.forbidden"),
                new Raiser("secretary of another cell", v -> other.secretary(), NotFoundException.class,
                        "error.notFound"));

        for (Raiser raiser : table) {
            Actor actor = raiser.actor().apply(village);
            if (raiser.failure() == null) {
                assertThat(management.raise(actor, village.meeting(), item, SpeakerKind.FOR, null).created())
                        .as(raiser.who()).isTrue();
            }
            else {
                assertThatThrownBy(() -> management.raise(actor, village.meeting(), item, SpeakerKind.FOR, null))
                        .as(raiser.who())
                        .isInstanceOf(raiser.failure());
            }
        }
        assertThat(speakers.ofMeeting(meetings.get(village.meeting()))).hasSize(3);
    }

    @Test
    void refusalsCarryTheirMessages() {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);

        assertThatThrownBy(() -> management.raise(villages.accountOf(village, VillageMeetings.ABSENT),
                village.meeting(), item, SpeakerKind.FOR, null))
                .isInstanceOfSatisfying(DomainException.class, failure -> assertThat(failure.messageKey())
                        .isEqualTo("discussion.speakers.error.notPresent"));
        assertThatThrownBy(() -> management.raise(villages.accountOf(village, KHANH), village.meeting(), item, null,
                null))
                .isInstanceOfSatisfying(InvalidSpeakerRequest.class, failure -> assertThat(failure.messageKey())
                        .isEqualTo("discussion.speakers.error.kindMissing"));
        assertThatThrownBy(() -> management.raise(villages.accountOf(village, KHANH), village.meeting(), item,
                SpeakerKind.QUESTION, "x".repeat(201)))
                .isInstanceOfSatisfying(InvalidSpeakerRequest.class, failure -> assertThat(failure.messageKey())
                        .isEqualTo("discussion.speakers.error.subjectTooLong"));
        assertThat(speakers.ofMeeting(meetings.get(village.meeting()))).isEmpty();
    }

    @Test
    void raiseOnlyOnItemUnderDiscussion() {
        Village village = villages.startedMeetingWithRoll();
        List<AgendaItem> agenda = meetings.get(village.meeting()).agenda();
        Actor khanh = villages.accountOf(village, KHANH);

        assertThatThrownBy(() -> management.raise(khanh, village.meeting(), agenda.get(1).id(), SpeakerKind.FOR, null))
                .isInstanceOfSatisfying(SpeakerRequestRejected.class, failure -> assertThat(failure.messageKey())
                        .isEqualTo("discussion.speakers.error.notUnderDiscussion"));
        meetingManagement.discuss(village.secretary(), village.meeting(), agenda.get(1).id());

        // The request of a member whose page still shows the first item, after that item ended.
        assertThatThrownBy(() -> management.raise(khanh, village.meeting(), agenda.get(0).id(), SpeakerKind.FOR, null))
                .isInstanceOf(SpeakerRequestRejected.class);
        assertThatThrownBy(() -> management.raise(khanh, village.meeting(), 0L, SpeakerKind.FOR, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(speakers.ofMeeting(meetings.get(village.meeting()))).isEmpty();
        assertThat(management.raise(khanh, village.meeting(), agenda.get(1).id(), SpeakerKind.FOR, null).created())
                .isTrue();
    }

    @Test
    void noHandsOutsideMeetingInProgress() {
        Village published = villages.publishedMeeting();
        long first = meetings.get(published.meeting()).agenda().getFirst().id();
        assertThatThrownBy(() -> management.raise(published.secretary(), published.meeting(), first, SpeakerKind.FOR,
                null)).isInstanceOf(MeetingNotInState.class);

        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        meetingManagement.close(village.secretary(), village.meeting());
        assertThatThrownBy(() -> management.raise(village.secretary(), village.meeting(), item, SpeakerKind.FOR,
                null)).isInstanceOf(MeetingNotInState.class);
        assertThat(speakers.ofMeeting(meetings.get(village.meeting()))).isEmpty();
    }

    @Test
    void oneOpenRequestPerMemberAndItem() {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        Actor khanh = villages.accountOf(village, KHANH);

        SpeakerManagement.Raised first = management.raise(khanh, village.meeting(), item, SpeakerKind.FOR, "Đường làng");
        SpeakerManagement.Raised again = management.raise(khanh, village.meeting(), item, SpeakerKind.AGAINST, null);

        assertThat(again.created()).isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(speakers.find(first.id())).get().satisfies(request -> {
            assertThat(request.kind()).isEqualTo(SpeakerKind.FOR);
            assertThat(request.subject()).isEqualTo("Đường làng");
        });

        management.lower(khanh, first.id());
        SpeakerManagement.Raised afterLowering = management.raise(khanh, village.meeting(), item, SpeakerKind.QUESTION,
                "  ");
        assertThat(afterLowering.created()).isTrue();
        assertThat(speakers.find(first.id())).get().extracting(SpeakerRequest::status)
                .isEqualTo(SpeakerRequestStatus.LOWERED);
        assertThat(speakers.find(afterLowering.id())).get().extracting(SpeakerRequest::subject).isNull();
    }

    @Test
    void onlyOwnerLowersWaitingHand() {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        Actor khanh = villages.accountOf(village, KHANH);
        SpeakerRequestId id = management.raise(khanh, village.meeting(), item, SpeakerKind.FOR, null).id();

        assertThatThrownBy(() -> management.lower(villages.accountOf(village, BINH), id))
                .isInstanceOf(ForbiddenException.class);
        management.grant(village.secretary(), id);
        assertThatThrownBy(() -> management.lower(khanh, id))
                .isInstanceOfSatisfying(SpeakerRequestRejected.class, failure -> assertThat(failure.messageKey())
                        .isEqualTo("discussion.speakers.error.lowerWhileSpeaking"));
        assertThatThrownBy(() -> management.lowerOwn(villages.accountOf(village, BINH), village.meeting()))
                .isInstanceOfSatisfying(SpeakerRequestRejected.class, failure -> assertThat(failure.messageKey())
                        .isEqualTo("discussion.speakers.error.noOpenRequest"));
    }

    @Test
    void chairOrdersQueue() {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        SpeakerRequestId khanh = raise(village, KHANH, SpeakerKind.FOR);
        SpeakerRequestId binh = raise(village, BINH, SpeakerKind.AGAINST);
        SpeakerRequestId huong = raise(village, HUONG, SpeakerKind.QUESTION);
        SpeakerRequestId ha = raise(village, VillageMeetings.PROBATIONARY.getFirst(), SpeakerKind.FOR);
        assertThat(queue(village)).containsExactly(khanh, binh, huong, ha);

        record Step(String what, Runnable move, List<SpeakerRequestId> expected) {
        }
        List<Step> steps = List.of(
                new Step("first down", () -> management.moveDown(village.secretary(), khanh), List.of(binh, khanh, huong, ha)),
                new Step("last up", () -> management.moveUp(village.secretary(), ha), List.of(binh, khanh, ha, huong)),
                new Step("first up stays", () -> management.moveUp(village.secretary(), binh), List.of(binh, khanh, ha, huong)),
                new Step("last down stays", () -> management.moveDown(village.secretary(), huong), List.of(binh, khanh, ha, huong)),
                new Step("third to first", () -> management.moveTo(village.secretary(), ha, 1), List.of(ha, binh, khanh, huong)),
                new Step("past the end is last", () -> management.moveTo(village.secretary(), ha, 9), List.of(binh, khanh, huong, ha)),
                new Step("decline leaves queue", () -> management.decline(village.secretary(), khanh), List.of(binh, huong, ha)),
                new Step("grant leaves queue", () -> management.grant(village.minuteTaker(), huong), List.of(binh, ha)));
        for (Step step : steps) {
            step.move().run();
            assertThat(queue(village)).as(step.what()).containsExactlyElementsOf(step.expected());
            assertThat(speakers.panelFor(village.secretary(), meetings.get(village.meeting())).queue())
                    .as(step.what())
                    .extracting(entry -> entry.request().position())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, step.expected().size()).boxed().toList());
        }

        assertThatThrownBy(() -> management.moveTo(village.secretary(), binh, 0))
                .isInstanceOf(InvalidSpeakerRequest.class);
        assertThatThrownBy(() -> management.moveUp(villages.accountOf(village, KHANH), ha))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> management.decline(village.secretary(), khanh))
                .isInstanceOf(SpeakerRequestRejected.class);
        assertThat(speakers.find(khanh)).get().extracting(SpeakerRequest::status)
                .isEqualTo(SpeakerRequestStatus.DECLINED);
        assertThat(item).isPositive();
    }

    @Test
    void grantEndsPreviousTurn() {
        Village village = villages.startedMeetingWithRoll();
        SpeakerRequestId khanh = raise(village, KHANH, SpeakerKind.FOR);
        SpeakerRequestId binh = raise(village, BINH, SpeakerKind.AGAINST);

        management.grant(village.secretary(), khanh);
        management.grant(village.secretary(), khanh);
        SpeakerRequest speaking = speakers.find(khanh).orElseThrow();
        assertThat(speaking.status()).isEqualTo(SpeakerRequestStatus.SPEAKING);
        assertThat(speaking.turnLimit()).isEqualTo(Duration.ofMinutes(3));

        management.grant(village.secretary(), binh);

        SpeakerRequest heard = speakers.find(khanh).orElseThrow();
        SpeakerRequest next = speakers.find(binh).orElseThrow();
        assertThat(heard.status()).isEqualTo(SpeakerRequestStatus.HEARD);
        assertThat(heard.turnEndedAt()).isEqualTo(next.turnStartedAt());
        assertThat(next.status()).isEqualTo(SpeakerRequestStatus.SPEAKING);
        SpeakerPanel panel = speakers.panelFor(village.secretary(), meetings.get(village.meeting()));
        assertThat(panel.speaking()).extracting(entry -> entry.request().id()).isEqualTo(binh);
        assertThat(panel.heard()).extracting(entry -> entry.request().id()).containsExactly(khanh);

        management.endTurn(village.secretary(), binh);
        management.endTurn(village.secretary(), binh);
        assertThat(speakers.find(binh)).get().extracting(SpeakerRequest::status)
                .isEqualTo(SpeakerRequestStatus.HEARD);
        assertThatThrownBy(() -> management.grant(village.secretary(), binh))
                .isInstanceOf(SpeakerRequestRejected.class);
        assertThat(audit.entriesFor("speakerRequest", khanh.value())).extracting(AuditEntry::action)
                .containsExactly("speaker.raised", "speaker.granted", "speaker.turnEnded");
        assertThat(audit.entriesFor("speakerRequest", binh.value())).extracting(AuditEntry::action)
                .containsExactly("speaker.raised", "speaker.granted", "speaker.turnEnded");
    }

    @Test
    void auditAndEventsNameNoText() {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        events.clear();
        SpeakerRequestId id = management.raise(villages.accountOf(village, KHANH), village.meeting(), item,
                SpeakerKind.AGAINST, "Kinh phí làm đường bí mật").id();
        management.grant(village.secretary(), id);

        assertThat(audit.entriesFor("speakerRequest", id.value())).extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(
                        tuple("speaker.raised", "meeting=" + village.meeting() + " item=" + item + " kind=AGAINST"),
                        tuple("speaker.granted", "meeting=" + village.meeting() + " item=" + item
                                + " kind=AGAINST limitSeconds=180"));
        assertThat(events.stream(MeetingRoomChanged.class)).containsExactly(
                new MeetingRoomChanged(village.meeting(), MeetingRoomChanged.Part.SPEAKERS),
                new MeetingRoomChanged(village.meeting(), MeetingRoomChanged.Part.SPEAKERS));
    }

    @Test
    void movingAgendaEndsOpenRequests() {
        Village village = villages.startedMeetingWithRoll();
        List<AgendaItem> agenda = meetings.get(village.meeting()).agenda();
        SpeakerRequestId speaking = raise(village, KHANH, SpeakerKind.FOR);
        SpeakerRequestId waiting = raise(village, BINH, SpeakerKind.QUESTION);
        management.grant(village.secretary(), speaking);
        events.clear();

        meetingManagement.discuss(village.secretary(), village.meeting(), agenda.get(1).id());

        Meeting meeting = meetings.get(village.meeting());
        assertThat(speakers.find(speaking)).get().satisfies(request -> {
            assertThat(request.status()).isEqualTo(SpeakerRequestStatus.HEARD);
            assertThat(request.turnEndedAt()).isEqualTo(meeting.currentItemSince());
        });
        assertThat(speakers.find(waiting)).get().satisfies(request -> {
            assertThat(request.status()).isEqualTo(SpeakerRequestStatus.NOT_HEARD);
            assertThat(request.closedAt()).isEqualTo(meeting.currentItemSince());
        });
        assertThat(events.stream(MeetingRoomChanged.class)).containsExactlyInAnyOrder(
                new MeetingRoomChanged(village.meeting(), MeetingRoomChanged.Part.AGENDA),
                new MeetingRoomChanged(village.meeting(), MeetingRoomChanged.Part.SPEAKERS));
        assertThat(audit.entriesFor("speakerRequest", speaking.value())).last()
                .satisfies(entry -> assertThat(entry.detail()).endsWith("by=agendaMoved"));
        assertThatThrownBy(() -> management.grant(village.secretary(), waiting))
                .isInstanceOf(SpeakerRequestRejected.class);

        // Coming back to the first item starts an empty queue: the old requests stay ended.
        meetingManagement.discuss(village.secretary(), village.meeting(), agenda.get(0).id());
        assertThat(speakers.panelFor(village.secretary(), meetings.get(village.meeting())).queue()).isEmpty();
        assertThat(speakers.panelFor(village.secretary(), meetings.get(village.meeting())).heard())
                .extracting(entry -> entry.request().id()).containsExactly(speaking);
    }

    @Test
    void closingMeetingEndsOpenRequests() {
        Village village = villages.startedMeetingWithRoll();
        SpeakerRequestId speaking = raise(village, KHANH, SpeakerKind.FOR);
        SpeakerRequestId waiting = raise(village, BINH, SpeakerKind.AGAINST);
        management.grant(village.secretary(), speaking);

        meetingManagement.close(village.secretary(), village.meeting());

        Meeting meeting = meetings.get(village.meeting());
        assertThat(speakers.find(speaking)).get().extracting(SpeakerRequest::status, SpeakerRequest::turnEndedAt)
                .containsExactly(SpeakerRequestStatus.HEARD, meeting.closedAt());
        assertThat(speakers.find(waiting)).get().extracting(SpeakerRequest::status, SpeakerRequest::closedAt)
                .containsExactly(SpeakerRequestStatus.NOT_HEARD, meeting.closedAt());
        assertThatThrownBy(() -> management.lower(villages.accountOf(village, BINH), waiting))
                .isInstanceOf(MeetingNotInState.class);
    }

    @Test
    void chairSetsTimeLimitPerItem() {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        long other = meetings.get(village.meeting()).agenda().get(2).id();
        SpeakerRequestId khanh = raise(village, KHANH, SpeakerKind.FOR);
        management.grant(village.secretary(), khanh);

        management.setTimeLimit(village.secretary(), village.meeting(), item, Duration.ofMinutes(5));

        assertThat(management.timeLimitOf(village.meeting(), item)).isEqualTo(Duration.ofMinutes(5));
        assertThat(management.timeLimitOf(village.meeting(), other)).isEqualTo(Duration.ofMinutes(3));
        assertThat(speakers.find(khanh)).get().extracting(SpeakerRequest::turnLimit).isEqualTo(Duration.ofMinutes(5));
        for (Duration invalid : new Duration[] { null, Duration.ofSeconds(30), Duration.ofMinutes(61) }) {
            assertThatThrownBy(() -> management.setTimeLimit(village.secretary(), village.meeting(), item, invalid))
                    .as(String.valueOf(invalid))
                    .isInstanceOfSatisfying(InvalidSpeakerRequest.class, failure -> assertThat(failure.messageKey())
                            .isEqualTo("discussion.speakers.error.timeLimit"));
        }
        assertThatThrownBy(() -> management.setTimeLimit(villages.accountOf(village, KHANH), village.meeting(), item,
                Duration.ofMinutes(2))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void turnOverLimitIsMarked() {
        SpeakerRequest request = new SpeakerRequest(SpeakerRequestId.of(1), MeetingId.of(1), 1, MemberId.of(1), SpeakerKind.FOR, null,
                SpeakerRequestStatus.SPEAKING, 1, Instant.parse("2026-12-20T12:00:00Z"),
                Instant.parse("2026-12-20T12:01:00Z"), null, Duration.ofMinutes(3), null);

        Map<String, Boolean> overAt = Map.of("2026-12-20T12:03:59Z", false, "2026-12-20T12:04:00Z", false,
                "2026-12-20T12:04:01Z", true);
        overAt.forEach((at, over) -> assertThat(request.isOverLimit(Instant.parse(at))).as(at).isEqualTo(over));
    }

    @Test
    void itemWithRequestsStaysOnAgenda() {
        Village village = villages.startedMeetingWithRoll();
        List<AgendaItem> agenda = meetings.get(village.meeting()).agenda();
        raise(village, KHANH, SpeakerKind.FOR);
        Meeting meeting = meetings.get(village.meeting());

        assertThatThrownBy(() -> meetingManagement.revise(village.secretary(), village.meeting(),
                new MeetingDetails(meeting.kind(), meeting.mode(), meeting.title(), meeting.startsAt(),
                        meeting.plannedEndAt(), meeting.place(), meeting.onlineLink(), meeting.chair(),
                        meeting.minuteTaker(), List.of(agenda.get(1), agenda.get(2)))))
                .isInstanceOfSatisfying(AgendaItemInUse.class, inUse -> assertThat(inUse.messageKey())
                        .isEqualTo("discussion.speakers.error.itemHasSpeakers"));
    }

    @Test
    void minutesListSpeakersOncePerItem() {
        Village village = villages.publishedMeeting();
        long review = meetings.get(village.meeting()).agenda().get(1).id();
        opinions.post(village.secretary(), village.meeting(), review, "Báo cáo\nkết quả.");
        opinions.post(village.minuteTaker(), village.meeting(), review, "Đồng ý với báo cáo.");
        OpinionId ha = opinions.post(villages.accountOf(village, VillageMeetings.PROBATIONARY.getFirst()),
                village.meeting(), review, "Xin bổ sung phần thanh niên.");
        opinions.post(villages.accountOf(village, KHANH), village.meeting(), review, "Cần làm rõ kinh phí.");
        meetingManagement.start(village.secretary(), village.meeting());
        villages.takeRoll(village);
        meetingManagement.discuss(village.secretary(), village.meeting(), review);

        SpeakerRequestId question = raise(village, KHANH, SpeakerKind.QUESTION);
        SpeakerRequestId against = raise(village, BINH, SpeakerKind.AGAINST);
        SpeakerRequestId declined = raise(village, "Phạm Thị Ánh", SpeakerKind.FOR);
        management.grant(village.secretary(), question);
        management.grant(village.secretary(), against);
        management.decline(village.secretary(), declined);
        management.grant(village.secretary(), raise(village, KHANH, SpeakerKind.FOR));
        raise(village, "Hoàng Văn An", SpeakerKind.AGAINST);
        opinions.markSpoken(village.secretary(), ha, true);
        meetingManagement.close(village.secretary(), village.meeting());

        await().atMost(Duration.ofSeconds(20)).until(() -> minutes.of(village.meeting()).isPresent());
        List<MinutesItem> items = minutes.of(village.meeting()).orElseThrow().narrative().items();
        assertThat(items).extracting(MinutesItem::speakers).containsExactly("", String.join("\n",
                "+ Đồng chí Lý Văn Khánh (đặt câu hỏi, phát biểu tán thành): Cần làm rõ kinh phí.",
                "+ Đồng chí Trần Văn Bình (phát biểu không tán thành)",
                "+ Đồng chí Nguyễn Thị Ngọc Hà: Xin bổ sung phần thanh niên.",
                "- Ý kiến gửi bằng văn bản, không phát biểu tại cuộc họp:",
                "+ Đồng chí Trần Thị Hường: Đồng ý với báo cáo.",
                "+ Đồng chí Nguyễn Văn Thắng: Báo cáo kết quả."), "");
    }

    private SpeakerRequestId raise(Village village, String name, SpeakerKind kind) {
        return management.raise(villages.accountOf(village, name), village.meeting(), currentItem(village), kind,
                null).id();
    }

    private List<SpeakerRequestId> queue(Village village) {
        return speakers.panelFor(village.secretary(), meetings.get(village.meeting())).queue().stream()
                .map(entry -> entry.request().id())
                .collect(Collectors.toList());
    }

    private long currentItem(Village village) {
        return meetings.get(village.meeting()).currentAgendaItemId();
    }
}
