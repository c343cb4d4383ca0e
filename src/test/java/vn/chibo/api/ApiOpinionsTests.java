package vn.chibo.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.discussion.Opinions;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The opinions API: the same checks as the meeting page, with problem details for every refusal. */
@SqlTest
@AutoConfigureMockMvc
class ApiOpinionsTests {

    private static final String MEMBER = "Lý Văn Khánh";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiSignIn api;

    @Autowired
    VillageMeetings villages;

    @Autowired
    OpinionManagement management;

    @Autowired
    Opinions opinions;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    Meetings meetings;

    @Autowired
    AuditLog audit;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void listGroupsOpinionsByAgendaItem() throws Exception {
        Village village = villages.publishedMeeting();
        long second = itemId(village, 1);
        management.post(member(village), village.meeting(), second, "Dòng một\nDòng hai");

        JsonNode body = json.readTree(mvc.perform(get("/api/v1/meetings/{id}/opinions", village.meeting().value())
                        .with(api.as(village.secretary())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(body.get("meetingId").asLong()).isEqualTo(village.meeting().value());
        assertThat(body.get("open").asBoolean()).isTrue();
        assertThat(body.get("canPost").asBoolean()).isTrue();
        assertThat(body.get("items")).hasSize(3);
        JsonNode item = body.get("items").get(1);
        assertThat(item.get("agendaItemId").asLong()).isEqualTo(second);
        assertThat(item.get("position").asInt()).isEqualTo(2);
        assertThat(item.get("title").asString()).isEqualTo("Kiểm điểm nhiệm vụ tháng");
        JsonNode opinion = item.get("opinions").get(0);
        assertThat(opinion.get("authorName").asString()).isEqualTo(MEMBER);
        assertThat(opinion.get("authorMemberId").asLong()).isEqualTo(village.member(MEMBER).value());
        assertThat(opinion.get("body").asString()).isEqualTo("Dòng một\nDòng hai");
        assertThat(opinion.get("spoken").asBoolean()).isFalse();
        assertThat(opinion.get("own").asBoolean()).isFalse();
        assertThat(opinion.get("postedAt").asString()).endsWith("Z");
        assertThat(body.get("items").get(0).get("opinions")).isEmpty();
    }

    @Test
    void memberPostsEditsAndWithdraws() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);

        JsonNode posted = json.readTree(mvc.perform(post("/api/v1/meetings/{m}/agenda/{i}/opinions",
                        village.meeting().value(), item).with(api.as(member(village)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Qua ứng dụng\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        OpinionId id = OpinionId.of(posted.get("id").asLong());
        assertThat(posted.get("body").asString()).isEqualTo("Qua ứng dụng");
        assertThat(posted.get("own").asBoolean()).isTrue();

        mvc.perform(put("/api/v1/opinions/{id}", id.value()).with(api.as(member(village)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Đã sửa\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("Đã sửa"))
                .andExpect(jsonPath("$.editedAt").isNotEmpty());

        mvc.perform(delete("/api/v1/opinions/{id}", id.value()).with(api.as(member(village))))
                .andExpect(status().isNoContent());
        assertThat(opinions.ofMeeting(village.meeting())).isEmpty();
        assertThat(audit.entriesFor("opinion", id.value())).extracting(AuditEntry::action)
                .containsExactly("opinion.posted", "opinion.edited", "opinion.withdrawn");
        mvc.perform(delete("/api/v1/opinions/{id}", id.value()).with(api.as(member(village))))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusalsAreProblemDetails() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        OpinionId id = management.post(member(village), village.meeting(), item, "Của tôi");

        mvc.perform(put("/api/v1/opinions/{id}", id.value()).with(api.as(village.secretary()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Sửa hộ\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/meetings/{m}/agenda/{i}/opinions", village.meeting().value(), item)
                        .with(api.as(member(village))).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/meetings/{m}/agenda/{i}/opinions", village.meeting().value(), item)
                        .with(api.as(member(village))).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"   \"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Please write your opinion before posting it."));
        mvc.perform(post("/api/v1/meetings/{m}/agenda/{i}/opinions", village.meeting().value(), item + 1000)
                        .with(api.as(member(village))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Mục không có\"}"))
                .andExpect(status().isNotFound());

        meetingManagement.start(village.secretary(), village.meeting());
        meetingManagement.close(village.secretary(), village.meeting());
        mvc.perform(delete("/api/v1/opinions/{id}", id.value()).with(api.as(member(village))))
                .andExpect(status().isConflict());
        assertThat(opinions.visibleTo(member(village), id).body()).isEqualTo("Của tôi");
    }

    private Actor member(Village village) {
        return villages.accountOf(village, MEMBER);
    }

    private long itemId(Village village, int index) {
        return meetings.get(village.meeting()).agenda().get(index).id();
    }
}
