package vn.chibo.meeting.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.Member;
import vn.chibo.system.FlashMessage;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The check-in screen, the page a scanned code opens, joining online, the history page and the API. */
@SqlTest
@AutoConfigureMockMvc
class CheckInPageTests {

    private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    ApiSignIn api;

    @Autowired
    JdbcClient jdbc;

    Village village;
    MeetingId meeting;
    Member member;
    MockHttpSession secretary;
    MockHttpSession memberSession;

    @BeforeEach
    void meetingInProgress() throws Exception {
        village = fixtures.village();
        meeting = fixtures.underway(village);
        member = village.memberOf(village.member());
        secretary = SignIn.as(mvc, village.secretary());
        memberSession = SignIn.as(mvc, village.member());
    }

    @Test
    void scannedScreenChecksMemberIn() throws Exception {
        String screen = mvc.perform(get("/meetings/{id}/check-in/screen", meeting.value()).session(secretary))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(screen).contains("hx-trigger=\"every 5s\"", "/meetings/" + meeting.value() + "/check-in/code");

        String address = QrSvgTests.decode(svgOf(screen));
        assertThat(address).startsWith("http://localhost/meetings/" + meeting.value() + "/check-in?code=");
        String code = UriComponentsBuilder.fromUriString(address).build().getQueryParams().getFirst("code");

        String confirmation = mvc.perform(get(address).session(memberSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirmation).contains("id=\"confirm-check-in\"", "name=\"code\"");
        assertThat(meetings.markOf(meeting, member.id())).isEmpty();

        var checkedIn = mvc.perform(post("/meetings/{id}/check-in", meeting.value()).param("code", code)
                        .session(memberSession).with(csrf()))
                .andExpect(redirectedUrl("/meetings/" + meeting.value()))
                .andReturn();
        assertThat(((FlashMessage) checkedIn.getFlashMap().get(FlashMessage.SUCCESS)).key())
                .isEqualTo("meeting.checkIn.flash.checkedIn");
        RollMark mark = meetings.markOf(meeting, member.id()).orElseThrow();
        assertThat(mark.status()).isEqualTo(AttendanceStatus.PRESENT_IN_PERSON);

        String again = mvc.perform(get(address).session(memberSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain("id=\"confirm-check-in\"");
        String fragment = mvc.perform(get("/meetings/{id}/check-in/code", meeting.value()).session(secretary)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("Đã có mặt: 1").doesNotContain("<html");
    }

    @Test
    void badCodeGetsClearMessage() throws Exception {
        String page = mvc.perform(get("/meetings/{id}/check-in", meeting.value()).param("code", "123.AAAA")
                        .session(memberSession))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(page)).contains("Mã QR không hợp lệ với cuộc họp này.");
        mvc.perform(post("/meetings/{id}/check-in", meeting.value()).session(memberSession).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(meetings.markOf(meeting, member.id())).isEmpty();
    }

    @Test
    void screenOnlyForChair() throws Exception {
        mvc.perform(get("/meetings/{id}/check-in/screen", meeting.value()).session(memberSession))
                .andExpect(status().isForbidden());
        mvc.perform(get("/meetings/{id}/check-in/code", meeting.value()).session(memberSession))
                .andExpect(status().isForbidden());
    }

    @Test
    void screenWaitsForStart() throws Exception {
        MeetingId published = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(10)));

        String page = mvc.perform(get("/meetings/{id}/check-in/screen", published.value()).session(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/meetings/{id}/check-in/code", published.value()).session(secretary)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk());

        assertThat(page).contains("hx-trigger=\"every 5s\"").doesNotContain("<svg");
        management.start(village.secretary(), published);
        String started = mvc.perform(get("/meetings/{id}/check-in/code", published.value()).session(secretary)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(started).contains("<svg");
    }

    @Test
    void pollingStopsWhenMeetingCloses() throws Exception {
        management.close(village.secretary(), meeting);

        String fragment = mvc.perform(get("/meetings/{id}/check-in/code", meeting.value()).session(secretary)
                        .header("HX-Request", "true"))
                .andExpect(status().is(286))
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).doesNotContain("<svg", "hx-trigger");
        assertThat(HtmlUtils.htmlUnescape(fragment)).contains("Cuộc họp không đang diễn ra nên không có mã điểm danh.");
    }

    @Test
    void joinOnlineRecordsThenRedirectsToStoredLink() throws Exception {
        mvc.perform(post("/meetings/{id}/join-online", meeting.value()).param("url", "https://evil.example.com")
                        .session(memberSession).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "https://meet.example.com/hb3"));

        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().status())
                .isEqualTo(AttendanceStatus.PRESENT_ONLINE);
    }

    @Test
    void meetingPageOffersCheckInActions() throws Exception {
        String asMember = mvc.perform(get("/meetings/{id}", meeting.value()).session(memberSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String asSecretary = mvc.perform(get("/meetings/{id}", meeting.value()).session(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(asMember).contains("id=\"check-in\"", "/meetings/" + meeting.value() + "/join-online")
                .doesNotContain("/check-in/screen", "/meetings/" + meeting.value() + "/leave");
        assertThat(asSecretary).contains("/meetings/" + meeting.value() + "/check-in/screen");

        mvc.perform(post("/meetings/{id}/join-online", meeting.value()).session(memberSession).with(csrf()));
        String present = mvc.perform(get("/meetings/{id}", meeting.value()).session(memberSession))
                .andReturn().getResponse().getContentAsString();
        assertThat(present).contains("/meetings/" + meeting.value() + "/leave");

        mvc.perform(post("/meetings/{id}/leave", meeting.value()).session(memberSession).with(csrf()))
                .andExpect(redirectedUrl("/meetings/" + meeting.value()));
        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().leftAt()).isNotNull();
    }

    @Test
    void rollShowsTimesAndRecordsLeave() throws Exception {
        mvc.perform(post("/meetings/{id}/join-online", meeting.value()).session(memberSession).with(csrf()));

        String roll = mvc.perform(get("/meetings/{id}/attendance", meeting.value()).session(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(HtmlUtils.htmlUnescape(roll)).contains("đến lúc ");
        assertThat(roll).contains("/attendance/" + member.id().value() + "/leave",
                "/meetings/" + meeting.value() + "/check-in/screen");

        mvc.perform(post("/meetings/{m}/attendance/{p}/leave", meeting.value(), member.id().value())
                        .session(secretary).with(csrf()))
                .andExpect(redirectedUrl("/meetings/" + meeting.value() + "/attendance#roll-" + member.id().value()));
        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().leftAt()).isNotNull();
        mvc.perform(post("/meetings/{m}/attendance/{p}/leave", meeting.value(), member.id().value())
                        .session(memberSession).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiChecksInWithToken() throws Exception {
        String screen = mvc.perform(get("/meetings/{id}/check-in/screen", meeting.value()).session(secretary))
                .andReturn().getResponse().getContentAsString();
        String address = QrSvgTests.decode(svgOf(screen));
        String token = UriComponentsBuilder.fromUriString(address).build().getQueryParams().getFirst("code");

        mvc.perform(post("/api/v1/meetings/{id}/check-in", meeting.value()).with(api.as(village.member()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\": \"" + token + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PRESENT_IN_PERSON"))
                .andExpect(jsonPath("$.late").value(false))
                .andExpect(jsonPath("$.alreadyRecorded").value(false))
                .andExpect(jsonPath("$.arrivedAt").isNotEmpty());
        mvc.perform(post("/api/v1/meetings/{id}/check-in", meeting.value()).with(api.as(village.member()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\": \"" + token + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alreadyRecorded").value(true));
        mvc.perform(post("/api/v1/meetings/{id}/join-online", meeting.value()).with(api.as(village.member())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PRESENT_IN_PERSON"))
                .andExpect(jsonPath("$.onlineLink").value("https://meet.example.com/hb3"));
    }

    @Test
    void apiErrorsAreProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/meetings/{id}/check-in", meeting.value()).with(api.as(village.member()))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\": \"1.AAAA\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("The QR code is not valid for this meeting. Please scan the "
                        + "code shown on the screen in the meeting room."));
        mvc.perform(post("/api/v1/meetings/{id}/check-in", meeting.value()).with(api.as(village.member())))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/meetings/{id}/check-in", meeting.value()).with(api.as(village.officer()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\": \"1.AAAA\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Đồng chí không có tên")));
        mvc.perform(post("/api/v1/meetings/{id}/join-online", meeting.value()).with(api.as(village.outsider())))
                .andExpect(status().isNotFound());

        MeetingId notStarted = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(10)));
        mvc.perform(post("/api/v1/meetings/{id}/join-online", notStarted.value()).with(api.as(village.member())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Cuộc họp chưa bắt đầu.")));
    }

    @Test
    void historyPageAndFlagOnCellPage() throws Exception {
        ZoneId vietnam = ZoneId.of("Asia/Ho_Chi_Minh");
        int year = ZonedDateTime.now(vietnam).getYear();
        management.close(village.secretary(), meeting);
        List<MeetingId> held = List.of(meeting, closedMeeting(), closedMeeting());
        for (int i = 0; i < held.size(); i++) {
            var start = LocalDate.of(year, i + 1, 10).atTime(19, 30).atZone(vietnam).toInstant();
            jdbc.sql("update meeting set starts_at = :start, planned_end_at = :end where id = :id")
                    .param("start", start.atOffset(java.time.ZoneOffset.UTC))
                    .param("end", start.plusSeconds(7200).atOffset(java.time.ZoneOffset.UTC))
                    .param("id", held.get(i).value()).update();
        }
        String base = "/cells/" + village.cell().id().value() + "/members/" + member.id().value();

        String own = mvc.perform(get(base + "/attendance").session(memberSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String seen = mvc.perform(get(base + "/attendance").param("year", Integer.toString(year)).session(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String cell = mvc.perform(get("/cells/{id}", village.cell().id().value()).session(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String cellAsMember = mvc.perform(get("/cells/{id}", village.cell().id().value()).session(memberSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(own)).contains("Lịch sử dự sinh hoạt năm " + year, "Số cuộc họp: 3")
                .doesNotContain("id=\"attendance-flag\"");
        assertThat(seen).contains("id=\"attendance-flag\"");
        assertThat(cell).contains("id=\"attendance-flags\"", base + "/attendance?year=" + year,
                HtmlUtils.htmlEscape(member.fullName(), "UTF-8"));
        assertThat(cellAsMember).doesNotContain("id=\"attendance-flags\"");
        mvc.perform(get(base + "/attendance").param("year", "1999").session(secretary))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get(base + "/attendance").param("year", Integer.toString(year + 1)).session(secretary))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get(base).session(memberSession)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(base + "/attendance")));
    }

    private MeetingId closedMeeting() {
        MeetingId closed = fixtures.underway(village);
        management.close(village.secretary(), closed);
        return closed;
    }

    private static String svgOf(String page) {
        Matcher svg = SVG.matcher(page);
        assertThat(svg.find()).as("an inline SVG in the page").isTrue();
        return svg.group();
    }
}
