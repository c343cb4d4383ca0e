package vn.chibo.discussion;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The speaker list on the meeting page, its forms with and without htmx, and its API. */
@SqlTest
@AutoConfigureMockMvc
class SpeakerWebTests {

    private static final String KHANH = "Lý Văn Khánh";
    private static final String BINH = "Trần Văn Bình";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiSignIn api;

    @Autowired
    VillageMeetings villages;

    @Autowired
    SpeakerManagement management;

    @Autowired
    Speakers speakers;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    Meetings meetings;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void presentMemberSeesRaiseHandForm() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);

        mvc.perform(get("/meetings/{id}", village.meeting().value()).session(SignIn.as(mvc, member(village, KHANH))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"speakers\""),
                        containsString("Đang thảo luận: Khai mạc, điểm danh"),
                        containsString("action=\"/meetings/" + village.meeting() + "/agenda/" + item + "/speakers\""),
                        containsString("value=\"AGAINST\""), containsString("Giơ tay xin phát biểu"),
                        containsString("/js/speakers-"), not(containsString("Mời phát biểu")))));
        mvc.perform(get("/meetings/{id}", village.meeting().value())
                        .session(SignIn.as(mvc, member(village, VillageMeetings.ABSENT))))
                .andExpect(content().string(allOf(containsString("id=\"speakers\""),
                        containsString("cần được điểm danh có mặt"), not(containsString("Giơ tay xin phát biểu")))));
    }

    @Test
    void raiseWithoutScriptRedirectsToList() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        MockHttpSession khanh = SignIn.as(mvc, member(village, KHANH));

        mvc.perform(post("/meetings/{m}/agenda/{i}/speakers", village.meeting().value(), item).session(khanh)
                        .with(csrf()).param("kind", "QUESTION").param("subject", "Kinh phí đường làng"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/meetings/" + village.meeting() + "#speakers"));
        mvc.perform(post("/meetings/{m}/agenda/{i}/speakers", village.meeting().value(), item).session(khanh)
                        .with(csrf()).param("kind", "FOR"))
                .andExpect(status().is3xxRedirection());

        assertThat(speakers.ofMeeting(meetings.get(village.meeting()))).singleElement().satisfies(request -> {
            assertThat(request.kind()).isEqualTo(SpeakerKind.QUESTION);
            assertThat(request.subject()).isEqualTo("Kinh phí đường làng");
            assertThat(request.status()).isEqualTo(SpeakerRequestStatus.WAITING);
        });
        mvc.perform(get("/meetings/{id}/speakers", village.meeting().value()).session(khanh))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("Danh sách phát biểu"),
                        containsString("Đồng chí đang ở vị trí 1 trong danh sách chờ."), containsString("Hạ tay"),
                        containsString("Kinh phí đường làng"), containsString("Đặt câu hỏi"))));
    }

    @Test
    void htmxFormsReturnPanel() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        MockHttpSession khanh = SignIn.as(mvc, member(village, KHANH));
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(post("/meetings/{m}/agenda/{i}/speakers", village.meeting().value(), item).session(khanh)
                        .with(csrf()).header("HX-Request", "true").param("kind", "FOR"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(startsWith("<section id=\"speakers\""), not(containsString("<html")),
                        containsString("Hạ tay"), not(containsString("Giơ tay xin phát biểu")))));
        SpeakerRequest request = speakers.ofMeeting(meetings.get(village.meeting())).getFirst();

        mvc.perform(get("/meetings/{id}/speakers", village.meeting().value()).session(chair)
                        .header("HX-Request", "true").param("part", "queue"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(startsWith("<div id=\"speakers-queue\""), containsString(KHANH),
                        containsString("action=\"/speaker-requests/" + request.id() + "/grant\""),
                        not(containsString("speaker-limit-minutes")))));
        mvc.perform(post("/speaker-requests/{id}/grant", request.id().value()).session(khanh).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/speaker-requests/{id}/grant", request.id().value()).session(chair).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Đang phát biểu"), containsString("data-turn-remaining=\""),
                        containsString("mỗi lượt tối đa 3 phút"),
                        containsString("action=\"/speaker-requests/" + request.id() + "/end\""))));
        mvc.perform(get("/meetings/{id}", village.meeting().value()).session(khanh))
                .andExpect(content().string(containsString("Đồng chí đang được mời phát biểu.")));

        mvc.perform(post("/speaker-requests/{id}/end", request.id().value()).session(chair).with(csrf()))
                .andExpect(redirectedUrl("/meetings/" + village.meeting() + "#speakers"));
        assertThat(speakers.find(request.id())).get().extracting(SpeakerRequest::status)
                .isEqualTo(SpeakerRequestStatus.HEARD);
    }

    @Test
    void chairSetsLimitAndSeesOverLimit() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(post("/meetings/{m}/agenda/{i}/speaker-limit", village.meeting().value(), item).session(chair)
                        .with(csrf()).param("minutes", "5"))
                .andExpect(redirectedUrl("/meetings/" + village.meeting() + "#speakers"));
        mvc.perform(post("/meetings/{m}/agenda/{i}/speaker-limit", village.meeting().value(), item).session(chair)
                        .with(csrf()).param("minutes", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Thời gian mỗi lượt phải từ 1 đến 60 phút.")));
        mvc.perform(post("/meetings/{m}/agenda/{i}/speaker-limit", village.meeting().value(), item).session(chair)
                        .with(csrf()).param("minutes", "năm"))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/meetings/{id}", village.meeting().value()).session(chair))
                .andExpect(content().string(allOf(containsString("id=\"speaker-limit-minutes\""),
                        containsString("value=\"5\""), containsString("Mỗi lượt tối đa 5 phút."))));
    }

    @Test
    void requestAfterItemEndedGetsMessage() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long first = currentItem(village);
        long second = meetings.get(village.meeting()).agenda().get(1).id();
        MockHttpSession khanh = SignIn.as(mvc, member(village, KHANH));
        meetingManagement.discuss(village.secretary(), village.meeting(), second);

        mvc.perform(post("/meetings/{m}/agenda/{i}/speakers", village.meeting().value(), first).session(khanh)
                        .with(csrf()).param("kind", "FOR"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Nội dung “Khai mạc, điểm danh” không còn (hoặc chưa) được "
                        + "thảo luận")));
        mvc.perform(post("/meetings/{m}/agenda/{i}/speakers", village.meeting().value(), first).session(khanh)
                        .with(csrf()).param("lang", "en").param("kind", "FOR"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("is not (or no longer) under discussion")));
        assertThat(speakers.ofMeeting(meetings.get(village.meeting()))).isEmpty();
    }

    @Test
    void apiListsRaisesAndLowers() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        Actor khanh = member(village, KHANH);
        management.raise(member(village, BINH), village.meeting(), item, SpeakerKind.AGAINST, null);
        String body = "{\"agendaItemId\": " + item + ", \"kind\": \"QUESTION\", \"subject\": \"Về kinh phí\"}";

        JsonNode raised = json.readTree(mvc.perform(post("/api/v1/meetings/{id}/speakers", village.meeting().value())
                        .with(api.as(khanh)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(raised.get("agendaItemId").asLong()).isEqualTo(item);
        assertThat(raised.get("timeLimitSeconds").asLong()).isEqualTo(180);
        assertThat(raised.get("queue")).hasSize(2);
        assertThat(raised.get("queue").get(0).get("name").asString()).isEqualTo(BINH);
        assertThat(raised.get("queue").get(1).get("kind").asString()).isEqualTo("QUESTION");
        assertThat(raised.get("queue").get(1).get("own").asBoolean()).isTrue();
        assertThat(raised.get("own").get("position").asInt()).isEqualTo(2);
        assertThat(raised.get("own").get("subject").asString()).isEqualTo("Về kinh phí");

        mvc.perform(post("/api/v1/meetings/{id}/speakers", village.meeting().value()).with(api.as(khanh))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/meetings/{id}/speakers", village.meeting().value()).with(api.as(village.secretary())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queue.length()").value(2))
                .andExpect(jsonPath("$.own").doesNotExist())
                .andExpect(jsonPath("$.canRaiseHand").value(true));

        mvc.perform(delete("/api/v1/meetings/{id}/speakers/mine", village.meeting().value()).with(api.as(khanh)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/meetings/{id}/speakers/mine", village.meeting().value()).with(api.as(khanh)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Đồng chí không có yêu cầu phát biểu nào đang chờ trong cuộc họp này."));
        assertThat(speakers.panelFor(village.secretary(), meetings.get(village.meeting())).queue()).hasSize(1);
    }

    @Test
    void apiRefusalsAreProblemDetails() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long item = currentItem(village);
        long second = meetings.get(village.meeting()).agenda().get(1).id();
        Village other = villages.startedMeetingWithRoll();

        mvc.perform(post("/api/v1/meetings/{id}/speakers", village.meeting().value())
                        .with(api.as(member(village, VillageMeetings.ABSENT))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\": " + item + ", \"kind\": \"FOR\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("chưa được điểm danh có mặt")));
        mvc.perform(post("/api/v1/meetings/{id}/speakers", village.meeting().value())
                        .with(api.as(member(village, KHANH))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\": " + second + ", \"kind\": \"FOR\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/meetings/{id}/speakers", village.meeting().value())
                        .with(api.as(member(village, KHANH))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"FOR\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/meetings/{id}/speakers", village.meeting().value())
                        .with(api.as(member(village, KHANH))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\": " + item + "}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/meetings/{id}/speakers", village.meeting().value())
                        .with(api.as(other.secretary())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\": " + item + ", \"kind\": \"FOR\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/meetings/{id}/speakers", village.meeting().value()).with(api.as(other.secretary())))
                .andExpect(status().isNotFound());
        assertThat(speakers.ofMeeting(meetings.get(village.meeting()))).isEmpty();
    }

    private Actor member(Village village, String name) {
        return villages.accountOf(village, name);
    }

    private long currentItem(Village village) {
        return meetings.get(village.meeting()).currentAgendaItemId();
    }
}
