package vn.chibo.discussion;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.AgendaItemInUse;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingNotInState;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.MinutesItem;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SqlTest
class DiscussionTests {

    private static final String MEMBER = "Lý Văn Khánh";
    private static final String PROBATIONARY = VillageMeetings.PROBATIONARY.getFirst();

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OpinionManagement management;

    @Autowired
    Opinions opinions;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    Meetings meetings;

    @Autowired
    MinutesBook minutes;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void membersPostBeforeAndDuringMeeting() {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 1);

        OpinionId before = management.post(member(village), village.meeting(), item, "Đề nghị sửa đường làng.\nCó dự toán.");
        OpinionId probationary = management.post(villages.accountOf(village, PROBATIONARY), village.meeting(), item,
                "Tôi xin góp ý về công tác thanh niên.");
        meetingManagement.start(village.secretary(), village.meeting());
        OpinionId during = management.post(village.secretary(), village.meeting(), item, "Chi ủy ghi nhận.");

        assertThat(opinions.ofMeeting(village.meeting())).extracting(Opinion::id)
                .containsExactly(before, probationary, during);
        Opinion first = opinions.visibleTo(member(village), before);
        assertThat(first.body()).isEqualTo("Đề nghị sửa đường làng.\nCó dự toán.");
        assertThat(first.author()).isEqualTo(village.member(MEMBER));
        assertThat(first.agendaItemId()).isEqualTo(item);
        assertThat(first.postedAt()).isNotNull();
        assertThat(first.editedAt()).isNull();
        assertThat(first.spoken()).isFalse();
        assertThat(audit.entriesFor("opinion", before.value())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("opinion.posted");
            assertThat(entry.actorAccountId()).isEqualTo(member(village).accountId().value());
            assertThat(entry.organizationId()).isEqualTo(village.commune().cell().id().value());
            assertThat(entry.detail()).isEqualTo("meeting=" + village.meeting() + " item=" + item);
        });
    }

    @Test
    void onlyCellMembersPost() {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        Village other = villages.publishedMeeting();
        Actor officer = fixtures.accountWithoutMember(village.commune().committee(), Role.COMMITTEE_OFFICER);
        // A member sent out stays on the roster of the home cell, so may still write to it.
        Actor sentOut = villages.accountOf(village, VillageMeetings.SENT_OUT.getFirst());
        Actor suspended = fixtures.account(village.commune().cell(), fixtures.member(village.commune().cell(),
                "Lê Văn Đình Chỉ", MembershipStatus.OFFICIAL, ActivityStatus.SUSPENDED), Role.MEMBER);

        assertThatThrownBy(() -> management.post(other.secretary(), village.meeting(), item, "Ý kiến"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.post(officer, village.meeting(), item, "Ý kiến"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> management.post(member(village), village.meeting(), itemId(other, 0), "Ý kiến"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.post(suspended, village.meeting(), item, "Ý kiến"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(management.post(sentOut, village.meeting(), item, "Ý kiến từ nơi sinh hoạt tạm thời"))
                .isNotNull();
        assertThat(opinions.ofMeeting(village.meeting())).hasSize(1);
    }

    @Test
    void closedMeetingTakesNoOpinionsOrChanges() {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        OpinionId id = management.post(member(village), village.meeting(), item, "Ý kiến trước khi họp");
        meetingManagement.start(village.secretary(), village.meeting());
        meetingManagement.close(village.secretary(), village.meeting());

        assertThatThrownBy(() -> management.post(member(village), village.meeting(), item, "Muộn"))
                .isInstanceOf(MeetingNotInState.class);
        assertThatThrownBy(() -> management.edit(member(village), id, "Sửa muộn"))
                .isInstanceOf(MeetingNotInState.class);
        assertThatThrownBy(() -> management.withdraw(member(village), id)).isInstanceOf(MeetingNotInState.class);
        assertThatThrownBy(() -> management.markSpoken(village.secretary(), id, true))
                .isInstanceOf(MeetingNotInState.class);
        assertThat(opinions.visibleTo(member(village), id).body()).isEqualTo("Ý kiến trước khi họp");
    }

    @Test
    void authorEditsAndEarlierTextIsKept() {
        Village village = villages.publishedMeeting();
        OpinionId id = management.post(member(village), village.meeting(), itemId(village, 0), "Bản đầu");

        management.edit(member(village), id, "Bản thứ hai");
        management.edit(member(village), id, "Bản thứ hai");
        management.edit(member(village), id, "Bản thứ ba");

        Opinion edited = opinions.visibleTo(member(village), id);
        assertThat(edited.body()).isEqualTo("Bản thứ ba");
        assertThat(edited.editedAt()).isNotNull();
        assertThat(opinions.earlierTexts(id)).containsExactly("Bản đầu", "Bản thứ hai");
        assertThat(audit.entriesFor("opinion", id.value())).extracting(AuditEntry::action)
                .containsExactly("opinion.posted", "opinion.edited", "opinion.edited");
        assertThat(audit.entriesFor("opinion", id.value())).extracting(AuditEntry::detail)
                .noneMatch(detail -> detail.contains("Bản"));
    }

    @Test
    void nobodyChangesAnothersOpinion() {
        Village village = villages.publishedMeeting();
        OpinionId id = management.post(member(village), village.meeting(), itemId(village, 0), "Của tôi");
        Actor probationary = villages.accountOf(village, PROBATIONARY);
        Village other = villages.publishedMeeting();

        assertThatThrownBy(() -> management.edit(village.secretary(), id, "Sửa hộ"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> management.withdraw(probationary, id)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> management.edit(other.secretary(), id, "Sửa hộ"))
                .isInstanceOf(NotFoundException.class);
        assertThat(opinions.visibleTo(member(village), id).body()).isEqualTo("Của tôi");
    }

    @Test
    void withdrawnOpinionLeavesListsButStays() {
        Village village = villages.publishedMeeting();
        OpinionId id = management.post(member(village), village.meeting(), itemId(village, 0), "Rút sau");

        management.withdraw(member(village), id);

        assertThat(opinions.ofMeeting(village.meeting())).isEmpty();
        assertThatThrownBy(() -> opinions.visibleTo(member(village), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.withdraw(member(village), id)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select body from opinion where id = :id and withdrawn_at is not null")
                .param("id", id.value()).query(String.class).single()).isEqualTo("Rút sau");
        assertThat(audit.entriesFor("opinion", id.value())).extracting(AuditEntry::action)
                .containsExactly("opinion.posted", "opinion.withdrawn");
    }

    @Test
    void chairMarksSpokenWhileInProgress() {
        Village village = villages.publishedMeeting();
        OpinionId id = management.post(member(village), village.meeting(), itemId(village, 0), "Sẽ phát biểu");

        assertThatThrownBy(() -> management.markSpoken(village.secretary(), id, true))
                .isInstanceOf(MeetingNotInState.class);
        meetingManagement.start(village.secretary(), village.meeting());
        assertThatThrownBy(() -> management.markSpoken(member(village), id, true))
                .isInstanceOf(ForbiddenException.class);

        management.markSpoken(village.secretary(), id, true);
        assertThat(opinions.visibleTo(member(village), id).spoken()).isTrue();
        management.markSpoken(village.minuteTaker(), id, false);
        assertThat(opinions.visibleTo(member(village), id).spoken()).isFalse();
        management.markSpoken(village.secretary(), id, true);

        assertThat(audit.entriesFor("opinion", id.value())).extracting(AuditEntry::action).containsExactly(
                "opinion.posted", "opinion.markedSpoken", "opinion.unmarkedSpoken", "opinion.markedSpoken");
    }

    @Test
    void agendaEditsKeepOpinionsOnTheirItems() {
        Village village = villages.publishedMeeting();
        List<AgendaItem> agenda = meetings.get(village.meeting()).agenda();
        OpinionId id = management.post(member(village), village.meeting(), agenda.get(1).id(), "Về kiểm điểm");

        revise(village, List.of(new AgendaItem("Khai mạc và điểm danh", null),
                new AgendaItem("Biểu quyết Nghị quyết tháng", null), agenda.get(1)));

        List<AgendaItem> revised = meetings.get(village.meeting()).agenda();
        assertThat(revised).extracting(AgendaItem::id)
                .containsExactly(agenda.get(0).id(), agenda.get(2).id(), agenda.get(1).id());
        assertThat(opinions.visibleTo(member(village), id).agendaItemId()).isEqualTo(revised.get(2).id());

        assertThatThrownBy(() -> revise(village, List.of(revised.get(0), revised.get(1))))
                .isInstanceOfSatisfying(AgendaItemInUse.class,
                        inUse -> assertThat(inUse.messageKey()).isEqualTo("discussion.error.itemHasOpinions"));
        assertThat(meetings.get(village.meeting()).agenda()).hasSize(3);

        management.withdraw(member(village), id);
        revise(village, List.of(revised.get(0), revised.get(1)));
        assertThat(meetings.get(village.meeting()).agenda()).extracting(AgendaItem::id)
                .containsExactly(revised.get(0).id(), revised.get(1).id());
    }

    @Test
    void minutesListSpeakersThenWrittenOpinions() {
        Village village = villages.publishedMeeting();
        long review = itemId(village, 1);
        management.post(villages.accountOf(village, "Nguyễn Văn Thắng"), village.meeting(), review, "Báo cáo\nkết quả.");
        OpinionId hung = management.post(village.minuteTaker(), village.meeting(), review, "Đồng ý với báo cáo.");
        OpinionId ha = management.post(villages.accountOf(village, "Nguyễn Thị Ngọc Hà"), village.meeting(), review,
                "Xin bổ sung phần thanh niên.");
        OpinionId khanh = management.post(member(village), village.meeting(), review, "Cần làm rõ kinh phí.");
        OpinionId withdrawn = management.post(member(village), village.meeting(), itemId(village, 2), "Rút lại");
        meetingManagement.start(village.secretary(), village.meeting());
        villages.takeRoll(village);
        management.markSpoken(village.secretary(), khanh, true);
        management.markSpoken(village.secretary(), ha, true);
        management.markSpoken(village.secretary(), hung, true);
        management.withdraw(member(village), withdrawn);

        meetingManagement.close(village.secretary(), village.meeting());

        await().atMost(Duration.ofSeconds(20)).until(() -> minutes.of(village.meeting()).isPresent());
        List<MinutesItem> items = minutes.of(village.meeting()).orElseThrow().narrative().items();
        assertThat(items).extracting(MinutesItem::speakers).containsExactly("", String.join("\n",
                "+ Đồng chí Nguyễn Thị Ngọc Hà: Xin bổ sung phần thanh niên.",
                "+ Đồng chí Trần Thị Hường: Đồng ý với báo cáo.",
                "+ Đồng chí Lý Văn Khánh: Cần làm rõ kinh phí.",
                "- Ý kiến gửi bằng văn bản, không phát biểu tại cuộc họp:",
                "+ Đồng chí Nguyễn Văn Thắng: Báo cáo kết quả."), "");
    }

    private Actor member(Village village) {
        return villages.accountOf(village, MEMBER);
    }

    private long itemId(Village village, int index) {
        return meetings.get(village.meeting()).agenda().get(index).id();
    }

    private void revise(Village village, List<AgendaItem> agenda) {
        Meeting meeting = meetings.get(village.meeting());
        meetingManagement.revise(village.secretary(), village.meeting(), new MeetingDetails(meeting.kind(),
                meeting.mode(), meeting.title(), meeting.startsAt(), meeting.plannedEndAt(), meeting.place(),
                meeting.onlineLink(), meeting.chair(), meeting.minuteTaker(), agenda));
    }
}
