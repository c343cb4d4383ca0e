package vn.chibo.api;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.ReasonDecision;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API's RSVP and notification endpoints, with the same rules as the pages. */
@SqlTest
@AutoConfigureMockMvc
class MeetingResponseApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingResponses responses;

    @Autowired
    ApiSignIn api;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void memberAnswersAbsentWithReason() throws Exception {
        Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));

        mvc.perform(put("/api/v1/meetings/{id}/response", meeting.value()).with(api.as(village.member()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"ABSENT\",\"reason\":\"Đi khám bệnh ở tỉnh\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.meetingId").value(meeting.value()))
                .andExpect(jsonPath("$.answer").value("ABSENT"))
                .andExpect(jsonPath("$.reason").value("Đi khám bệnh ở tỉnh"))
                .andExpect(jsonPath("$.decision").value("PENDING"));

        var stored = responses.of(meeting, village.memberOf(village.member()).id()).orElseThrow();
        assertThat(stored.answer()).isEqualTo(ResponseAnswer.ABSENT);
        assertThat(stored.decision()).isEqualTo(ReasonDecision.PENDING);
    }

    @Test
    void rsvpFollowsPageRules() throws Exception {
        Village village = fixtures.village();
        MeetingId published = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MeetingId draft = fixtures.draft(village, Instant.now().plus(Duration.ofDays(4)));
        String inPerson = "{\"answer\":\"IN_PERSON\"}";

        mvc.perform(put("/api/v1/meetings/{id}/response", published.value()).with(api.as(village.member()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(put("/api/v1/meetings/{id}/response", published.value()).with(api.as(village.officer()))
                        .contentType(MediaType.APPLICATION_JSON).content(inPerson))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/meetings/{id}/response", published.value()).with(api.as(village.outsider()))
                        .contentType(MediaType.APPLICATION_JSON).content(inPerson))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/meetings/{id}/response", draft.value()).with(api.as(village.member()))
                        .contentType(MediaType.APPLICATION_JSON).content(inPerson))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/meetings/{id}/response", published.value()).with(api.as(village.member()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"ABSENT\",\"reason\":\"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Lý do vắng dài quá 500 ký tự. Xin rút gọn."));
    }

    @Test
    void notificationsListAndMarkRead() throws Exception {
        Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.parse("2099-12-20T01:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf(village, meeting) == 1);

        JsonNode body = json.readTree(mvc.perform(get("/api/v1/me/notifications").with(api.as(village.member()))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode first = body.get("notifications").get(0);
        assertThat(body.get("unread").asInt()).isEqualTo(1);
        assertThat(first.get("headline").asString()).isEqualTo("New meeting announced");
        assertThat(first.get("meetingId").asLong()).isEqualTo(meeting.value());
        assertThat(first.get("when").asString()).startsWith("20/12/2099 08:00");
        assertThat(first.get("read").asBoolean()).isFalse();
        long id = first.get("id").asLong();

        mvc.perform(post("/api/v1/me/notifications/{id}/read", id).with(api.as(village.outsider())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/me/notifications/{id}/read", id).with(api.as(village.member())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me/notifications").with(api.as(village.member())))
                .andExpect(jsonPath("$.unread").value(0))
                .andExpect(jsonPath("$.notifications[0].read").value(true));
    }

    private int notificationsOf(Village village, MeetingId meeting) {
        return jdbc.sql("select count(*) from notification where meeting_id = :meeting and account_id = :account")
                .param("meeting", meeting.value())
                .param("account", village.member().accountId().value())
                .query(Integer.class)
                .single();
    }
}
