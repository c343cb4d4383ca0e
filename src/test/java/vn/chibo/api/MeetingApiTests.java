package vn.chibo.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The caller's meetings and a meeting's detail in the API, with the page's permission checks. */
@SqlTest
@AutoConfigureMockMvc
class MeetingApiTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    MeetingResponses responses;

    @Autowired
    ApiSignIn api;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    MeetingFixtures.Village village;

    @BeforeEach
    void village() {
        village = fixtures.village();
    }

    @Test
    void myMeetingsListsAnnouncedOnly() throws Exception {
        Instant soon = Instant.now().plus(Duration.ofDays(3));
        MeetingId draft = fixtures.draft(village, soon);
        MeetingId published = fixtures.published(village, soon.plus(Duration.ofHours(1)));
        MeetingId cancelledDraft = fixtures.draft(village, soon);
        management.cancel(village.secretary(), cancelledDraft, "Bản nháp nhầm");
        MeetingId cancelled = fixtures.published(village, soon.plus(Duration.ofHours(2)));
        management.cancel(village.secretary(), cancelled, "Trùng lịch họp của xã");
        MeetingId farAhead = fixtures.published(village, Instant.now().plus(Duration.ofDays(200)));

        JsonNode body = read(mvc.perform(get("/api/v1/me/meetings").with(api.as(village.member())))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(ids(body)).containsExactly(published.value(), cancelled.value());
        assertThat(ids(body)).doesNotContain(draft.value(), cancelledDraft.value(), farAhead.value());
        LocalDate today = LocalDate.now(VIETNAM);
        assertThat(body.get("from").asString()).isEqualTo(today.minusDays(30).toString());
        assertThat(body.get("to").asString()).isEqualTo(today.plusDays(90).toString());
        JsonNode off = body.get("meetings").get(1);
        assertThat(off.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(off.get("cancellation").get("reason").asString()).isEqualTo("Trùng lịch họp của xã");
        assertThat(body.get("meetings").get(0).get("cancellation").isNull()).isTrue();

        JsonNode wide = read(mvc.perform(get("/api/v1/me/meetings").with(api.as(village.member()))
                        .param("from", today.toString()).param("to", today.plusDays(365).toString()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(ids(wide)).containsExactly(published.value(), cancelled.value(), farAhead.value());
        JsonNode outside = read(mvc.perform(get("/api/v1/me/meetings").with(api.as(village.outsider())))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(ids(outside)).isEmpty();
    }

    @Test
    void windowLimitsAnswer400() throws Exception {
        mvc.perform(get("/api/v1/me/meetings").with(api.as(village.member()))
                        .param("from", "2026-12-01").param("to", "2027-12-02").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("longer than 366 days")));
        mvc.perform(get("/api/v1/me/meetings").with(api.as(village.member()))
                        .param("from", "2026-12-01").param("to", "2027-12-01"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me/meetings").with(api.as(village.member()))
                        .param("from", "2026-12-10").param("to", "2026-12-01").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("2026-12-01 is before the first day 2026-12-10")));
        mvc.perform(get("/api/v1/me/meetings").with(api.as(village.member()))
                        .param("from", "20/12/2026").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("from = \"20/12/2026\" is not a date")));
    }

    @Test
    void detailGivesTimesWithOffset() throws Exception {
        MeetingId id = fixtures.published(village, Instant.parse("2027-01-20T12:30:00Z"));
        responses.answer(village.member(), id, ResponseAnswer.ABSENT, "Đi công tác");
        List<Long> agendaIds = agendaIds(id);

        JsonNode body = read(mvc.perform(get("/api/v1/meetings/{id}", id.value()).with(api.as(village.member())))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(body.get("id").asLong()).isEqualTo(id.value());
        assertThat(body.get("cellId").asLong()).isEqualTo(village.cell().id().value());
        assertThat(body.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(body.get("startsAt").asString()).isEqualTo("2027-01-20T19:30:00+07:00");
        assertThat(body.get("plannedEndAt").asString()).isEqualTo("2027-01-20T21:30:00+07:00");
        assertThat(body.get("startedAt").isNull()).isTrue();
        assertThat(body.get("place").asString()).isEqualTo("Nhà văn hóa thôn Hòa Bình 3");
        assertThat(body.get("onlineLink").asString()).isEqualTo("https://meet.example.com/hb3");
        assertThat(body.get("chair").get("fullName").asString()).isEqualTo(village.secretaryMember().fullName());
        assertThat(body.get("minimumMinutes").asLong()).isEqualTo(90);
        assertThat(body.get("agenda").valueStream().map(item -> item.get("id").asLong()).toList())
                .containsExactlyElementsOf(agendaIds);
        assertThat(body.get("agenda").get(0).get("position").asInt()).isEqualTo(1);
        assertThat(body.get("agenda").get(0).get("title").asString()).isEqualTo("Khai mạc");
        assertThat(body.get("documents").isArray()).isTrue();
        assertThat(body.get("myAnswer").get("answer").asString()).isEqualTo("ABSENT");
        assertThat(body.get("myAnswer").get("reason").asString()).isEqualTo("Đi công tác");
        assertThat(body.get("myAnswer").get("reasonDecision").asString()).isEqualTo("PENDING");
        assertThat(body.get("myAttendance").isNull()).isTrue();
    }

    @Test
    void agendaIdsSurviveStatusChanges() throws Exception {
        MeetingId id = fixtures.draft(village, Instant.now().minus(Duration.ofMinutes(5)));
        List<Long> before = agendaIds(id);

        management.publish(village.secretary(), id);
        management.start(village.secretary(), id);

        assertThat(agendaIds(id)).isEqualTo(before);
        JsonNode body = read(mvc.perform(get("/api/v1/meetings/{id}", id.value()).with(api.as(village.member())))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(body.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(body.get("startedAt").asString()).endsWith("+07:00");
        assertThat(body.get("agenda").valueStream().map(item -> item.get("id").asLong()).toList())
                .containsExactlyElementsOf(before);
    }

    @Test
    void otherCellAndDraftAnswer404() throws Exception {
        MeetingId published = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MeetingId draft = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));

        mvc.perform(get("/api/v1/meetings/{id}", published.value()).with(api.as(village.outsider())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/meetings/{id}", draft.value()).with(api.as(village.member())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/meetings/{id}", draft.value()).with(api.as(village.secretary())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/v1/meetings/{id}", published.value()).with(api.as(village.officer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.myAnswer").isEmpty());
    }

    @Test
    void openApiDescribesMeetingEndpoints() throws Exception {
        JsonNode paths = read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()).get("paths");

        JsonNode list = paths.get("/api/v1/me/meetings").get("get");
        assertThat(list.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()).toList())
                .containsExactly("from", "to");
        assertThat(list.get("responses").propertyNames()).contains("200", "400", "401");
        assertThat(list.get("security").toString()).isEqualTo("[{\"bearerToken\":[]}]");
        JsonNode detail = paths.get("/api/v1/meetings/{meetingId}").get("get");
        assertThat(detail.get("responses").propertyNames()).contains("200", "401", "404");
        assertThat(detail.get("description").asString()).contains("+07:00");
    }

    private List<Long> agendaIds(MeetingId id) {
        return jdbc.sql("select id from agenda_item where meeting_id = :id order by position")
                .param("id", id.value())
                .query(Long.class)
                .list();
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static List<Long> ids(JsonNode body) {
        return body.get("meetings").valueStream().map(meeting -> meeting.get("id").asLong()).toList();
    }
}
