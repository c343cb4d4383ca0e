package vn.chibo.discussion;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The speaker list on the room's screen and the live queue on the meeting page. */
@SqlTest
@AutoConfigureMockMvc
class SpeakerProjectorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    SpeakerManagement speakers;

    @Test
    void projectorShowsSpeakerWithoutControls() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId id = fixtures.underway(village);
        Member member = village.memberOf(village.member());
        management.recordAttendance(village.secretary(), id, member.id(), AttendanceStatus.PRESENT_IN_PERSON, null);
        long item = meetings.get(id).currentAgendaItemId();
        var raised = speakers.raise(village.member(), id, item, SpeakerKind.FOR, null);
        speakers.grant(village.secretary(), raised.id());
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());

        String projector = mvc.perform(get("/meetings/{id}/projector", id.value()).session(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String part = mvc.perform(get("/meetings/{id}/projector/parts/speakers", id.value()).session(secretary)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(projector).contains("Đang phát biểu", member.fullName())
                .doesNotContain("<form", "<button", "<input");
        assertThat(part).contains(member.fullName()).doesNotContain("<form", "<button");
    }

    @Test
    void meetingPageQueueRefreshesItself() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId id = fixtures.underway(village);

        String page = mvc.perform(get("/meetings/{id}", id.value()).session(SignIn.as(mvc, village.member())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-live-part=\"SPEAKERS\"",
                "data-live-src=\"/meetings/" + id.value() + "/speakers?part=queue\"");
    }
}
