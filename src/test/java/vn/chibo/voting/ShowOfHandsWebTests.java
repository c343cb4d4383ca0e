package vn.chibo.voting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages of votes by show of hands and of votes on a person, at the village meeting in progress. */
@SqlTest
@AutoConfigureMockMvc
class ShowOfHandsWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    @Autowired
    Motions motions;

    @Autowired
    Meetings meetings;

    @Test
    void chairRecordsCountOfHands() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());
        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("kind", "RESOLUTION").param("method", "SHOW_OF_HANDS")
                        .param("title", "Biểu quyết thông qua Nghị quyết"))
                .andExpect(status().is3xxRedirection());
        Motion motion = motions.openOf(village.meeting()).orElseThrow();

        mvc.perform(get("/motions/{id}", motion.id().value()).session(chair))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hiện có 24 đồng chí có quyền biểu quyết đang có mặt.")))
                .andExpect(content().string(containsString("name=\"votesFor\"")));
        mvc.perform(post("/motions/{id}/show-of-hands", motion.id().value()).session(chair).with(csrf())
                        .param("votesFor", "21").param("votesAgainst", "2").param("abstentions", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/motions/" + motion.id().value()));

        mvc.perform(get("/motions/{id}", motion.id().value()).session(chair))
                .andExpect(content().string(containsString("Được thông qua")))
                .andExpect(content().string(containsString(
                        "Tham gia biểu quyết: 24 trên 24 đồng chí có quyền biểu quyết có mặt (100%).")))
                .andExpect(content().string(containsString("Hình thức: Giơ tay")));
        assertThat(motions.get(motion.id()).result().votesFor()).isEqualTo(21);
    }

    @Test
    void countAboveLimitComesBackWithMessage() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), new MotionRequest(MotionKind.RESOLUTION,
                VotingMethod.SHOW_OF_HANDS, "Biểu quyết thông qua Nghị quyết", null, null));
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(post("/motions/{id}/show-of-hands", id.value()).session(chair).with(csrf())
                        .param("votesFor", "30").param("votesAgainst", "0").param("abstentions", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Tổng số đã nhập là 30, vượt quá 24 đồng chí có quyền "
                        + "biểu quyết đang có mặt. Xin đếm lại và nhập tổng không quá 24.")))
                .andExpect(content().string(containsString("value=\"30\"")));
        mvc.perform(post("/motions/{id}/show-of-hands", id.value()).session(chair).with(csrf())
                        .param("votesFor", "mười").param("votesAgainst", "0").param("abstentions", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("phải là số nguyên từ 0 trở lên")));
        mvc.perform(post("/motions/{id}/show-of-hands", id.value()).session(chair).with(csrf())
                        .param("votesFor", "-1").param("votesAgainst", "0").param("abstentions", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("không được là số âm")));
        assertThat(motions.get(id).isOpen()).isTrue();
    }

    @Test
    void memberSeesNoBallotButtons() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId id = management.open(village.secretary(), village.meeting(), new MotionRequest(MotionKind.RESOLUTION,
                VotingMethod.SHOW_OF_HANDS, "Biểu quyết thông qua Nghị quyết", null, null));
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        mvc.perform(get("/motions/{id}", id.value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("biểu quyết bằng hình thức giơ tay tại cuộc họp")))
                .andExpect(content().string(not(containsString("name=\"choice\""))))
                .andExpect(content().string(not(containsString("name=\"votesFor\""))));
        mvc.perform(post("/motions/{id}/show-of-hands", id.value()).session(member).with(csrf())
                        .param("votesFor", "1").param("votesAgainst", "0").param("abstentions", "0"))
                .andExpect(status().isForbidden());
    }

    @Test
    void recognitionVoteSuggestsNextStep() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MemberId probationary = village.member(VillageMeetings.PROBATIONARY.get(2));
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(get("/meetings/{id}/motions", village.meeting().value()).session(chair))
                .andExpect(content().string(containsString(
                        "<option value=\"" + probationary + "\">" + VillageMeetings.PROBATIONARY.get(2) + "</option>")));
        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("kind", "RECOGNITION").param("method", "SHOW_OF_HANDS").param("title", "")
                        .param("probationaryMember", probationary.toString()))
                .andExpect(status().is3xxRedirection());
        Motion motion = motions.openOf(village.meeting()).orElseThrow();
        mvc.perform(post("/motions/{id}/show-of-hands", motion.id().value()).session(chair).with(csrf())
                        .param("votesFor", "17").param("votesAgainst", "7").param("abstentions", "0"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/motions/{id}", motion.id().value()).session(chair))
                .andExpect(content().string(containsString("Người được biểu quyết: Đinh Thị Ỷ Lan")))
                .andExpect(content().string(containsString("cần ít nhất hai phần ba số đảng viên tính biểu quyết "
                        + "tán thành: ít nhất 17 trên 25 đồng chí")))
                .andExpect(content().string(containsString("Bước tiếp theo")));
    }

    @Test
    void admissionReplacesSuggestedTitle() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());
        String suggested = motions.suggestedTitle(meetings.get(village.meeting()));

        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("kind", "ADMISSION").param("method", "ELECTRONIC").param("title", suggested)
                        .param("applicantName", "Lê Văn Tâm"))
                .andExpect(status().is3xxRedirection());

        assertThat(motions.openOf(village.meeting()).orElseThrow().title())
                .isEqualTo("Biểu quyết kết nạp quần chúng Lê Văn Tâm vào Đảng");
    }

    @Test
    void admissionWithoutNameRejectedBesideField() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("kind", "ADMISSION").param("method", "ELECTRONIC").param("title", "")
                        .param("applicantName", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"applicantName-error\"")))
                .andExpect(content().string(containsString("Xin nhập họ và tên người được đề nghị kết nạp.")));
        assertThat(motions.ofMeeting(village.meeting())).isEmpty();
    }
}
