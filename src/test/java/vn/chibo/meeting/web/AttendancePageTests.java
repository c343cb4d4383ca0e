package vn.chibo.meeting.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.MembershipStatus;
import vn.chibo.system.FlashMessage;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class AttendancePageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures rosterFixtures;

    Village village;
    MeetingId meeting;
    MockHttpSession secretary;

    @BeforeEach
    void meetingUnderway() throws Exception {
        village = fixtures.village();
        meeting = fixtures.underway(village);
        secretary = SignIn.as(mvc, village.secretary());
    }

    @Test
    void htmxTapReturnsRowAndPanel() throws Exception {
        Member member = village.memberOf(village.member());

        String fragment = mvc.perform(post("/meetings/{id}/attendance/{member}", meeting.value(), member.id().value())
                        .param("status", "PRESENT_ONLINE").param("reason", "")
                        .header("HX-Request", "true").session(secretary).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("<li id=\"roll-" + member.id() + "\"");
        assertThat(fragment).contains("value=\"PRESENT_ONLINE\" aria-pressed=\"true\"");
        assertThat(fragment).contains("id=\"attendance-panel\"", "hx-swap-oob=\"true\"");
        assertThat(fragment).doesNotContain("<html", "<main");
        assertThat(meetings.markOf(meeting, member.id())).get().extracting(RollMark::status)
                .isEqualTo(AttendanceStatus.PRESENT_ONLINE);
    }

    @Test
    void plainFormTapReturnsToPage() throws Exception {
        Member member = village.memberOf(village.member());

        mvc.perform(post("/meetings/{id}/attendance/{member}", meeting.value(), member.id().value())
                        .param("status", "PRESENT_IN_PERSON").session(secretary).with(csrf()))
                .andExpect(redirectedUrl("/meetings/" + meeting + "/attendance#roll-" + member.id()));

        assertThat(meetings.markOf(meeting, member.id())).get().extracting(RollMark::status)
                .isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);
    }

    @Test
    void excusedTapWithoutReasonAsksForOne() throws Exception {
        Member member = village.memberOf(village.member());

        String fragment = HtmlUtils.htmlUnescape(mvc.perform(post("/meetings/{id}/attendance/{member}",
                        meeting.value(), member.id().value())
                        .param("status", "ABSENT_EXCUSED").param("reason", " ")
                        .header("HX-Request", "true").session(secretary).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());

        assertThat(fragment).contains("id=\"reason-" + member.id() + "\"", "Xin ghi lý do vắng");
        assertThat(meetings.markOf(meeting, member.id())).isEmpty();

        mvc.perform(post("/meetings/{id}/attendance/{member}", meeting.value(), member.id().value())
                        .param("status", "ABSENT_EXCUSED").param("reason", "Đi viện")
                        .header("HX-Request", "true").session(secretary).with(csrf()))
                .andExpect(status().isOk());
        assertThat(meetings.markOf(meeting, member.id())).get().extracting(RollMark::absenceReason)
                .isEqualTo("Đi viện");
    }

    @Test
    void rollCallListsExpectedMembersFirst() throws Exception {
        String page = mvc.perform(get("/meetings/{id}/attendance", meeting.value()).session(secretary))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Member exempt = village.find(m -> m.activityStatus() == ActivityStatus.EXEMPT);
        Member probationary = village.find(Member::isProbationary);
        assertThat(page).contains("Đảng viên phải dự (29)", "(7)");
        assertThat(page.indexOf("id=\"roll-" + probationary.id() + "\""))
                .isLessThan(page.indexOf("id=\"roll-" + exempt.id() + "\""));
        assertThat(page).contains("dự bị — không biểu quyết", "miễn sinh hoạt", "sinh hoạt nơi khác");
        assertThat(page.split("class=\"roll-row").length - 1).isEqualTo(36);
    }

    @Test
    void panelShowsVillageScenarioNumbers() throws Exception {
        markVillageScenario();

        AttendanceTally tally = meetings.tally(meeting);
        assertThat(tally.denominator()).isEqualTo(25);
        assertThat(tally.votesNeeded()).isEqualTo(13);
        String page = HtmlUtils.htmlUnescape(mvc.perform(get("/meetings/{id}/attendance", meeting.value())
                        .session(secretary))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page).contains("<b>27</b><span>có mặt (22 tại phòng, 5 trực tuyến)</span>");
        assertThat(page).contains("<b>24</b><span>có mặt và có quyền biểu quyết</span>");
        assertThat(page).contains("<b>25</b><span>đảng viên tính khi biểu quyết (mẫu số)</span>");
        assertThat(page).contains("<b>13</b><span>phiếu tán thành cần có để thông qua</span>");
        assertThat(page).contains("nghị quyết được thông qua khi có từ 13 phiếu tán thành trở lên (quá nửa của 25)");
        assertThat(page).contains("Mẫu số là 33 đảng viên chính thức, trừ 8 đồng chí không tính dưới đây, còn 25.");
        for (Member sentOut : village.all(m -> m.activityStatus() == ActivityStatus.SENT_OUT)) {
            assertThat(page).contains(sentOut.fullName() + ": sinh hoạt tạm thời nơi khác");
        }
        for (Member exempt : village.all(m -> m.activityStatus() == ActivityStatus.EXEMPT)) {
            assertThat(page).contains(exempt.fullName() + ": miễn sinh hoạt và không có mặt");
        }
        assertThat(page).contains(": vắng cả buổi có lý do được chi ủy đồng ý");
        assertThat(page).doesNotContain("Chưa điểm danh (");
    }

    @Test
    void closingRecordsUnmarkedAsUnexcused() throws Exception {
        Member present = village.secretaryMember();
        management.recordAttendance(village.secretary(), meeting, present.id(), AttendanceStatus.PRESENT_IN_PERSON,
                null);

        String confirmation = mvc.perform(get("/meetings/{id}/close", meeting.value()).session(secretary))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(confirmation).contains("Còn 28 đảng viên phải dự chưa được điểm danh.");

        FlashMessage closed = (FlashMessage) mvc.perform(post("/meetings/{id}/close", meeting.value())
                        .session(secretary).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get(FlashMessage.SUCCESS);

        assertThat(closed.key()).isEqualTo("meeting.flash.closed");
        assertThat(closed.arguments()).containsExactly(28);
        assertThat(meetings.get(meeting).status()).isEqualTo(MeetingStatus.CLOSED);
        AttendanceTally tally = meetings.tally(meeting);
        assertThat(tally.notRecorded()).isEmpty();
        assertThat(tally.absentUnexcused()).hasSize(28);
        Member exempt = village.find(m -> m.activityStatus() == ActivityStatus.EXEMPT);
        assertThat(meetings.markOf(meeting, exempt.id())).isEmpty();
        String page = mvc.perform(get("/meetings/{id}", meeting.value()).session(secretary))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Kết quả điểm danh", "Vắng không lý do").doesNotContain("Kết thúc cuộc họp</a>");
        mvc.perform(post("/meetings/{id}/attendance/{member}", meeting.value(), present.id().value())
                .param("status", "ABSENT_UNEXCUSED").session(secretary).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void closingFullRollReportsNoAbsentees() throws Exception {
        markVillageScenario();

        FlashMessage closed = (FlashMessage) mvc.perform(post("/meetings/{id}/close", meeting.value())
                        .session(secretary).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get(FlashMessage.SUCCESS);

        assertThat(closed.key()).isEqualTo("meeting.flash.closedAllMarked");
        assertThat(closed.arguments()).isEmpty();
    }

    @Test
    void closedMeetingKeepsItsRoster() throws Exception {
        markVillageScenario();
        management.close(village.secretary(), meeting);
        AttendanceTally atClosing = meetings.tally(meeting);
        Member suspended = village.all(m -> m.isOfficial() && m.activityStatus() == ActivityStatus.ACTIVE).get(2);
        Member newcomer = village.all(Member::isProbationary).get(0);

        // Later decisions: one member suspended, one recognised as official, a new member joins.
        jdbc.sql("update member set activity_status = 'SUSPENDED' where id = :id")
                .param("id", suspended.id().value()).update();
        jdbc.sql("update member set membership_status = 'OFFICIAL' where id = :id")
                .param("id", newcomer.id().value()).update();
        rosterFixtures.member(village.cell(), "Lý Văn Mới", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);

        AttendanceTally later = meetings.tally(meeting);
        assertThat(later).isEqualTo(atClosing);
        assertThat(later.total()).isEqualTo(36);
        assertThat(later.suspended()).isZero();
        String page = mvc.perform(get("/meetings/{id}/attendance", meeting.value()).session(secretary))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Lý Văn Mới");
    }

    @Test
    void plainMemberCannotClose() throws Exception {
        MockHttpSession member = SignIn.as(mvc, village.member());

        mvc.perform(post("/meetings/{id}/close", meeting.value()).session(member).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(meetings.get(meeting).status()).isEqualTo(MeetingStatus.IN_PROGRESS);
    }

    /**
     * Marks the roll as in the village scenario of the attendance rules. Of the 26 active official
     * members one is excused, one absent without reason, 20 in the room and 4 online. The three
     * probationary members attend, two in the room. Exempt and sent-out members stay unmarked.
     */
    private void markVillageScenario() {
        List<Member> active = village.all(m -> m.isOfficial() && m.activityStatus() == ActivityStatus.ACTIVE);
        assertThat(active).hasSize(26);
        mark(active.get(0), AttendanceStatus.ABSENT_EXCUSED, "Đi viện");
        mark(active.get(1), AttendanceStatus.ABSENT_UNEXCUSED, null);
        active.subList(2, 22).forEach(m -> mark(m, AttendanceStatus.PRESENT_IN_PERSON, null));
        active.subList(22, 26).forEach(m -> mark(m, AttendanceStatus.PRESENT_ONLINE, null));
        List<Member> probationary = village.all(Member::isProbationary);
        mark(probationary.get(0), AttendanceStatus.PRESENT_IN_PERSON, null);
        mark(probationary.get(1), AttendanceStatus.PRESENT_IN_PERSON, null);
        mark(probationary.get(2), AttendanceStatus.PRESENT_ONLINE, null);
    }

    private void mark(Member member, AttendanceStatus status, String reason) {
        management.recordAttendance(village.secretary(), meeting, member.id(), status, reason);
    }
}
