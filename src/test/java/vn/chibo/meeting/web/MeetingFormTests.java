package vn.chibo.meeting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.CellRole;
import vn.chibo.member.Member;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class MeetingFormTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    Meetings meetings;

    Village village;
    MockHttpSession secretary;

    @BeforeEach
    void signInSecretary() throws Exception {
        village = fixtures.village();
        secretary = SignIn.as(mvc, village.secretary());
    }

    @Test
    void newFormPrefillsTitleChairAndAgenda() throws Exception {
        String page = mvc.perform(get("/cells/{id}/meetings/new", village.cell().id().value()).session(secretary))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        LocalDate inAWeek = LocalDate.now(VIETNAM).plusWeeks(1);
        assertThat(page).contains(String.format("Sinh hoạt chi bộ định kỳ tháng %02d/%d", inAWeek.getMonthValue(),
                inAWeek.getYear()));
        assertThat(page).contains("value=\"" + inAWeek + "\"");
        assertThat(page).contains("<option value=\"" + village.secretaryMember().id() + "\" selected=\"selected\">");
        assertThat(page).contains("value=\"Khai mạc\"", "value=\"Bế mạc\"", "name=\"agenda[8].title\"");
        assertThat(page).doesNotContain("name=\"agenda[9].title\"");
        assertThat(page).contains("data-title-thematic=\"Sinh hoạt chuyên đề tháng {0}\"");
    }

    @Test
    void validFormSchedulesDraftInVietnamTime() throws Exception {
        MvcResult result = mvc.perform(submit(validForm())).andExpect(status().is3xxRedirection()).andReturn();

        Meeting meeting = meetings.ofCell(village.cell().id()).getFirst();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/meetings/" + meeting.id());
        assertThat(meeting.status()).isEqualTo(MeetingStatus.DRAFT);
        assertThat(meeting.kind()).isEqualTo(MeetingKind.REGULAR);
        assertThat(meeting.mode()).isEqualTo(MeetingMode.HYBRID);
        assertThat(meeting.startsAt()).isEqualTo(Instant.parse("2026-12-20T12:30:00Z"));
        assertThat(meeting.plannedEndAt()).isEqualTo(Instant.parse("2026-12-20T14:30:00Z"));
        assertThat(meeting.chair()).isEqualTo(village.secretaryMember().id());
        assertThat(meeting.agenda()).extracting(AgendaItem::title).containsExactly("Khai mạc", "Bế mạc");
        assertThat(meeting.agenda().getFirst().description()).isEqualTo("Điểm danh");
        assertThat(meeting.agenda().get(1).description()).isNull();
    }

    @Test
    void endBeforeStartShowsMessageAndSavesNothing() throws Exception {
        Map<String, String> form = validForm();
        form.put("endTime", "18:00");

        String page = mvc.perform(submit(form))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"endTime-error\"", "Giờ kết thúc phải sau giờ bắt đầu.");
        assertThat(page).contains("value=\"Khai mạc\"");
        assertThat(meetings.ofCell(village.cell().id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} is rejected on {2}")
    @CsvSource(delimiter = '|', value = {
            "title|   |title|Xin nhập tên cuộc họp.",
            "date|31/02/2026|date|Ngày \"31/02/2026\" không hợp lệ.",
            "date||date|Xin nhập ngày họp.",
            "startTime|25:00|startTime|Giờ \"25:00\" không hợp lệ.",
            "endTime|sáng|endTime|Giờ \"sáng\" không hợp lệ.",
            "place||place|Xin nhập địa điểm họp",
            "onlineLink||onlineLink|Xin nhập đường dẫn phòng họp trực tuyến",
            "onlineLink|meet.example.com/abc|onlineLink|Đường dẫn họp trực tuyến không hợp lệ",
            "onlineLink|javascript:alert(1)|onlineLink|Đường dẫn họp trực tuyến không hợp lệ",
            "agenda[0].title||agenda[0].title|Xin nhập tên nội dung thứ 1",
            "kind|WEEKLY|kind|Xin chọn loại sinh hoạt.",
            "chair|999999|chair|Người được chọn không phải đảng viên của chi bộ này." })
    void brokenRuleShowsMessageBesideField(String field, String value, String errorField, String message)
            throws Exception {
        Map<String, String> form = validForm();
        form.put(field, value == null ? "" : value);

        String page = HtmlUtils.htmlUnescape(mvc.perform(submit(form))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());

        assertThat(page).contains("id=\"" + errorField + "-error\"");
        assertThat(page).contains(message);
        assertThat(meetings.ofCell(village.cell().id())).isEmpty();
    }

    @Test
    void chairFromAnotherCellIsRejected() throws Exception {
        Map<String, String> form = validForm();
        form.put("chair", String.valueOf(village.outsider().memberId()));

        String page = mvc.perform(submit(form))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"chair-error\"", "không phải đảng viên của chi bộ này");
        assertThat(meetings.ofCell(village.cell().id())).isEmpty();
    }

    @Test
    void emptyAgendaIsRejected() throws Exception {
        Map<String, String> form = validForm();
        form.put("agenda[0].title", "");
        form.put("agenda[0].description", "");
        form.put("agenda[1].title", "");

        String page = mvc.perform(submit(form))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"agenda-error\"", "Chương trình sinh hoạt cần ít nhất một nội dung.");
        assertThat(page).contains("name=\"agenda[0].title\"");
        assertThat(meetings.ofCell(village.cell().id())).isEmpty();
    }

    @Test
    void onlineMeetingNeedsNoPlace() throws Exception {
        Map<String, String> form = validForm();
        form.put("mode", "ONLINE");
        form.put("place", "");

        mvc.perform(submit(form)).andExpect(status().is3xxRedirection());

        Meeting meeting = meetings.ofCell(village.cell().id()).getFirst();
        assertThat(meeting.place()).isNull();
        assertThat(meeting.onlineLink()).isEqualTo("https://meet.example.com/hb3");
    }

    @Test
    void agendaButtonsWorkWithoutScript() throws Exception {
        Map<String, String> form = validForm();
        form.put("action", "add");
        String added = mvc.perform(submit(form)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(added).contains("name=\"agenda[2].title\"");

        form.put("action", "remove-0");
        String removed = mvc.perform(submit(form)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(removed).doesNotContain("value=\"Khai mạc\"").contains("value=\"Bế mạc\"");

        form.put("action", "up-1");
        String moved = mvc.perform(submit(form)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(moved.indexOf("value=\"Bế mạc\"")).isLessThan(moved.indexOf("value=\"Khai mạc\""));

        assertThat(meetings.ofCell(village.cell().id())).isEmpty();
    }

    @Test
    void editFormRevisesPublishedMeeting() throws Exception {
        MeetingId id = fixtures.published(village, Instant.parse("2026-12-20T01:00:00Z"));
        String page = mvc.perform(get("/meetings/{id}/edit", id.value()).session(secretary))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"2026-12-20\"", "value=\"08:00\"", "value=\"10:00\"");

        Map<String, String> form = validForm();
        form.put("place", "Hội trường xã");
        mvc.perform(post("/meetings/{id}/edit", id.value()).session(secretary).with(csrf()).params(toParams(form)))
                .andExpect(status().is3xxRedirection());

        Meeting revised = meetings.get(id);
        assertThat(revised.place()).isEqualTo("Hội trường xã");
        assertThat(revised.status()).isEqualTo(MeetingStatus.PUBLISHED);
    }

    @Test
    void plainMemberMayNotOpenForm() throws Exception {
        MockHttpSession member = SignIn.as(mvc, village.member());
        mvc.perform(get("/cells/{id}/meetings/new", village.cell().id().value()).session(member))
                .andExpect(status().isForbidden());

        MockHttpSession outsider = SignIn.as(mvc, village.outsider());
        mvc.perform(get("/cells/{id}/meetings/new", village.cell().id().value()).session(outsider))
                .andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder submit(Map<String, String> form) {
        return post("/cells/{id}/meetings", village.cell().id().value())
                .session(secretary)
                .with(csrf())
                .params(toParams(form));
    }

    /** A meeting from 19:30 to 00:30 ends on the next day; 19:30 to 17:30 is still an end before the start. */
    @Test
    void endTimeBeforeStartRunsPastMidnight() throws Exception {
        Map<String, String> form = validForm();
        form.put("endTime", "00:30");

        mvc.perform(submit(form)).andExpect(status().is3xxRedirection());

        Meeting meeting = meetings.ofCell(village.cell().id()).getFirst();
        assertThat(meeting.startsAt()).isEqualTo(Instant.parse("2026-12-20T12:30:00Z"));
        assertThat(meeting.plannedEndAt()).isEqualTo(Instant.parse("2026-12-20T17:30:00Z"));
        mvc.perform(get("/meetings/{id}", meeting.id().value()).session(secretary))
                .andExpect(content().string(containsString("20/12/2026 19:30 – 21/12/2026 00:30")));
        mvc.perform(get("/meetings/{id}/edit", meeting.id().value()).session(secretary))
                .andExpect(content().string(containsString("value=\"00:30\"")));

        form.put("endTime", "17:30");
        mvc.perform(submit(form))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Giờ kết thúc phải sau giờ bắt đầu.")));
    }

    @Test
    void combinedSessionMustBeRegular() throws Exception {
        Map<String, String> form = validForm();
        form.put("kind", "THEMATIC");
        form.put("combinedSession", "true");

        mvc.perform(submit(form))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"combinedSession-error\"")))
                .andExpect(content().string(containsString("Chỉ buổi sinh hoạt định kỳ mới kết hợp được")));
        assertThat(meetings.ofCell(village.cell().id())).isEmpty();
    }

    @Test
    void combinedSessionWarnsBelow120Minutes() throws Exception {
        Map<String, String> form = validForm();
        form.put("combinedSession", "true");
        form.put("endTime", "21:10");

        mvc.perform(submit(form)).andExpect(status().is3xxRedirection());
        Meeting meeting = meetings.ofCell(village.cell().id()).getFirst();
        assertThat(meeting.isCombinedSession()).isTrue();
        mvc.perform(get("/meetings/{id}/edit", meeting.id().value()).session(secretary))
                .andExpect(content().string(matchesPattern("(?s).*name=\"combinedSession\"[^>]*checked=\"checked\".*")));

        mvc.perform(get("/meetings/{id}", meeting.id().value()).session(secretary))
                .andExpect(content().string(containsString("ngắn hơn 120 phút")))
                .andExpect(content().string(containsString("Sinh hoạt định kỳ kết hợp chuyên đề")));

        MvcResult published = mvc.perform(post("/meetings/{id}/publish", meeting.id().value()).session(secretary)
                        .with(csrf()))
                .andReturn();
        assertThat(published.getFlashMap().get("publishWarnings")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("meeting.warning.SHORTER_THAN_USUAL");
    }

    private Map<String, String> validForm() {
        Member minuteTaker = village.find(m -> m.cellRole() == CellRole.CELL_COMMITTEE_MEMBER);
        var form = new LinkedHashMap<String, String>();
        form.put("kind", "REGULAR");
        form.put("mode", "HYBRID");
        form.put("title", "Sinh hoạt chi bộ định kỳ tháng 12/2026");
        form.put("date", "2026-12-20");
        form.put("startTime", "19:30");
        form.put("endTime", "21:30");
        form.put("place", "Nhà văn hóa thôn");
        form.put("onlineLink", "https://meet.example.com/hb3");
        form.put("chair", village.secretaryMember().id().toString());
        form.put("minuteTaker", minuteTaker.id().toString());
        form.put("agenda[0].title", "Khai mạc");
        form.put("agenda[0].description", "Điểm danh");
        form.put("agenda[1].title", "Bế mạc");
        form.put("agenda[1].description", "");
        form.put("action", "save");
        return form;
    }

    private static org.springframework.util.MultiValueMap<String, String> toParams(Map<String, String> form) {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.forEach(params::add);
        return params;
    }
}
