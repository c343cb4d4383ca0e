package vn.chibo.meeting.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class MeetingVisibilityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    Meetings meetings;

    Village village;

    @BeforeEach
    void village() {
        village = fixtures.village();
    }

    @Test
    void draftIsHiddenFromMembers() throws Exception {
        MeetingId id = fixtures.draft(village, Instant.now().plus(Duration.ofDays(7)));
        MockHttpSession member = SignIn.as(mvc, village.member());
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());

        mvc.perform(get("/meetings/{id}", id.value()).session(member)).andExpect(status().isNotFound());
        assertThat(page("/", member)).doesNotContain("/meetings/" + id + "\"");
        assertThat(page("/cells/" + village.cell().id() + "/meetings", member)).doesNotContain("/meetings/" + id + "\"");

        assertThat(page("/meetings/" + id, secretary)).contains("Bản nháp", "Thông báo cho đảng viên");
        assertThat(page("/", secretary)).contains("/meetings/" + id + "\"");
    }

    @Test
    void publishShowsWarningsAndReachesHome() throws Exception {
        MeetingId id = fixtures.draft(village, Instant.now().plus(Duration.ofHours(3)));
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());

        MvcResult published = mvc.perform(post("/meetings/{id}/publish", id.value()).session(secretary).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.PUBLISHED);
        assertThat(published.getFlashMap().get("publishWarnings")).isEqualTo(List.of("meeting.warning.PUBLISHED_LATE"));
        String page = mvc.perform(get("/meetings/{id}", id.value()).session(secretary)
                        .flashAttrs(published.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("thông báo chưa đầy một ngày trước giờ họp");

        MockHttpSession member = SignIn.as(mvc, village.member());
        assertThat(page("/", member)).contains("/meetings/" + id + "\"", "Sinh hoạt chi bộ định kỳ tháng 12/2026",
                "Đồng chí chưa báo có dự họp hay không");
        assertThat(page("/meetings/" + id, member)).contains("Đồng chí có dự họp không?")
                .doesNotContain("Thông báo cho đảng viên", "/meetings/" + id + "/attendance\"");
    }

    @Test
    void outsiderGets404Everywhere() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MockHttpSession outsider = SignIn.as(mvc, village.outsider());

        for (String path : List.of("/meetings/" + id, "/meetings/" + id + "/attendance", "/meetings/" + id + "/close",
                "/meetings/" + id + "/edit", "/meetings/" + id + "/documents/1", "/cells/" + village.cell().id(),
                "/cells/" + village.cell().id() + "/meetings")) {
            mvc.perform(get(path).session(outsider)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/meetings/{id}/publish", id.value()).session(outsider).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/meetings/{id}/response", id.value()).param("answer", "IN_PERSON").session(outsider)
                .with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void plainMemberGets403OnRollCallAndPublish() throws Exception {
        MeetingId draft = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));
        MeetingId published = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MockHttpSession member = SignIn.as(mvc, village.member());
        Member someone = village.secretaryMember();

        mvc.perform(get("/meetings/{id}/attendance", published.value()).session(member))
                .andExpect(status().isForbidden());
        mvc.perform(post("/meetings/{id}/attendance/{member}", published.value(), someone.id().value())
                .param("status", "PRESENT_IN_PERSON").session(member).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/meetings/{id}/publish", published.value()).session(member).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/meetings/{id}/close", published.value()).session(member))
                .andExpect(status().isForbidden());
        mvc.perform(post("/meetings/{id}/publish", draft.value()).session(member).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(meetings.get(draft).status()).isEqualTo(MeetingStatus.DRAFT);
    }

    @Test
    void probationaryMemberSeesNoVoteNote() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MockHttpSession probationary = SignIn.as(mvc, village.probationary());
        MockHttpSession member = SignIn.as(mvc, village.member());

        assertThat(page("/meetings/" + id, probationary))
                .contains("Đồng chí là đảng viên dự bị: được phát biểu ý kiến nhưng không biểu quyết.");
        assertThat(page("/meetings/" + id, member)).doesNotContain("Đồng chí là đảng viên dự bị");
    }

    @Test
    void committeeOfficerSeesPublishedButCannotAnswer() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MockHttpSession officer = SignIn.as(mvc, village.officer());

        assertThat(page("/meetings/" + id, officer)).contains("Sinh hoạt chi bộ định kỳ tháng 12/2026")
                .doesNotContain("Đồng chí có dự họp không?");
        mvc.perform(post("/meetings/{id}/response", id.value()).param("answer", "IN_PERSON").session(officer)
                .with(csrf())).andExpect(status().isForbidden());
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
