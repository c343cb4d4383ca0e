package vn.chibo.meeting.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingResponse;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.ReasonDecision;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.MemberId;
import vn.chibo.system.FlashMessage;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class MeetingResponseTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingResponses responses;

    @Autowired
    Meetings meetings;

    @Autowired
    AuditLog audit;

    Village village;
    MeetingId meeting;
    MemberId memberId;
    MockHttpSession member;
    MockHttpSession secretary;

    @BeforeEach
    void publishedMeeting() throws Exception {
        village = fixtures.village();
        meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        memberId = MemberId.of(village.member().memberId());
        member = SignIn.as(mvc, village.member());
        secretary = SignIn.as(mvc, village.secretary());
    }

    @Test
    void approvedReasonMarksAbsentExcused() throws Exception {
        MvcResult answered = answer("ABSENT", "Đi khám bệnh ở huyện");
        assertThat(((FlashMessage) answered.getFlashMap().get("flash")).key())
                .isEqualTo("meeting.response.savedAbsentPending");
        assertThat(responses.pending(meeting)).extracting(MeetingResponse::memberId).containsExactly(memberId);
        assertThat(mvc.perform(get("/meetings/{id}", meeting.value()).session(secretary)).andReturn().getResponse()
                .getContentAsString()).contains("Lý do vắng chờ duyệt (1)", "Đi khám bệnh ở huyện");

        mvc.perform(post("/meetings/{id}/responses/{member}/approve", meeting.value(), memberId.value())
                .session(secretary).with(csrf())).andExpect(status().is3xxRedirection());

        RollMark mark = meetings.markOf(meeting, memberId).orElseThrow();
        assertThat(mark.status()).isEqualTo(AttendanceStatus.ABSENT_EXCUSED);
        assertThat(mark.absenceReason()).isEqualTo("Đi khám bệnh ở huyện");
        assertThat(responses.of(meeting, memberId).orElseThrow().decision()).isEqualTo(ReasonDecision.APPROVED);
        assertThat(responses.pendingCount(meeting)).isZero();
        assertThat(audit.entriesFor("meeting", meeting.value())).extracting(AuditEntry::action)
                .contains("meeting.response.answered", "meeting.response.decided", "attendance.recorded");
        assertThat(audit.entriesFor("meeting", meeting.value())).extracting(AuditEntry::detail)
                .noneMatch(detail -> detail != null && detail.contains("khám"));
    }

    @Test
    void rejectedReasonMarksAbsentUnexcused() throws Exception {
        answer("ABSENT", "Bận việc nhà");

        mvc.perform(post("/meetings/{id}/responses/{member}/reject", meeting.value(), memberId.value())
                .session(secretary).with(csrf())).andExpect(status().is3xxRedirection());

        RollMark mark = meetings.markOf(meeting, memberId).orElseThrow();
        assertThat(mark.status()).isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
        assertThat(mark.absenceReason()).isNull();
        assertThat(responses.of(meeting, memberId).orElseThrow().decision()).isEqualTo(ReasonDecision.REJECTED);
    }

    @Test
    void changedAnswerResetsDecision() throws Exception {
        answer("ABSENT", "Đi công tác");
        mvc.perform(post("/meetings/{id}/responses/{member}/approve", meeting.value(), memberId.value())
                .session(secretary).with(csrf())).andExpect(status().is3xxRedirection());

        answer("IN_PERSON", null);
        MeetingResponse changed = responses.of(meeting, memberId).orElseThrow();
        assertThat(changed.answer()).isEqualTo(ResponseAnswer.IN_PERSON);
        assertThat(changed.decision()).isNull();
        assertThat(meetings.markOf(meeting, memberId)).isEmpty();

        answer("ABSENT", "Đi công tác xa");
        assertThat(responses.of(meeting, memberId).orElseThrow().decision()).isEqualTo(ReasonDecision.PENDING);
    }

    @Test
    void absenceWithoutReasonNeedsNoDecision() throws Exception {
        MvcResult answered = answer("ABSENT", "   ");

        assertThat(((FlashMessage) answered.getFlashMap().get("flash")).key())
                .isEqualTo("meeting.response.savedAbsentWithoutReason");
        MeetingResponse response = responses.of(meeting, memberId).orElseThrow();
        assertThat(response.reason()).isNull();
        assertThat(response.decision()).isNull();
        assertThat(response.suggestedMark()).isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
        mvc.perform(post("/meetings/{id}/responses/{member}/approve", meeting.value(), memberId.value())
                .session(secretary).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void missingAnswerShowsMessage() throws Exception {
        MvcResult result = mvc.perform(post("/meetings/{id}/response", meeting.value()).session(member).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        assertThat(((FlashMessage) result.getFlashMap().get("flashError")).key())
                .isEqualTo("meeting.response.error.answerMissing");
        assertThat(responses.of(meeting, memberId)).isEmpty();
    }

    @Test
    void plainMemberMayNotDecide() throws Exception {
        answer("ABSENT", "Ốm");

        mvc.perform(post("/meetings/{id}/responses/{member}/approve", meeting.value(), memberId.value())
                .session(member).with(csrf())).andExpect(status().isForbidden());

        assertThat(responses.of(meeting, memberId).orElseThrow().decision()).isEqualTo(ReasonDecision.PENDING);
    }

    private MvcResult answer(String answer, String reason) throws Exception {
        var request = post("/meetings/{id}/response", meeting.value()).param("answer", answer).session(member)
                .with(csrf());
        if (reason != null) {
            request.param("reason", reason);
        }
        return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
    }
}
