package vn.chibo.home;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class HomePageTests {

    @Autowired
    Fixtures accountFixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingResponses responses;

    Village village;

    @BeforeEach
    void village() {
        village = fixtures.village();
    }

    @Test
    void memberHomeShowsOwnAnswer() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        responses.answer(village.member(), id, ResponseAnswer.ONLINE, null);

        String home = page("/", SignIn.as(mvc, village.member()));

        assertThat(home).contains(village.cell().name(), "/meetings/" + id + "\"", "Báo họp trực tuyến");
        assertThat(home).doesNotContain("/meetings/new", "lý do vắng chờ duyệt");
    }

    @Test
    void secretaryHomeShowsDraftsAndPendingReasons() throws Exception {
        MeetingId draft = fixtures.draft(village, Instant.now().plus(Duration.ofDays(10)));
        MeetingId published = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        responses.answer(village.member(), published, ResponseAnswer.ABSENT, "Đi làm xa");
        responses.answer(village.probationary(), published, ResponseAnswer.ABSENT, "Ốm");

        String home = page("/", SignIn.as(mvc, village.secretary()));

        assertThat(home).contains("/meetings/" + draft + "\"", "Bản nháp", "2 lý do vắng chờ duyệt",
                "/cells/" + village.cell().id() + "/meetings/new");
        assertThat(home.indexOf("/meetings/" + published + "\"")).isLessThan(home.indexOf("/meetings/" + draft + "\""));
    }

    @Test
    void committeeOfficerSeesCellsBelow() throws Exception {
        MeetingId latest = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        fixtures.draft(village, Instant.now().plus(Duration.ofDays(30)));

        String home = page("/", SignIn.as(mvc, village.officer()));

        assertThat(home).contains("Các chi bộ thuộc " + village.committee().name());
        assertThat(home).contains(village.cell().name(), village.otherCell().name());
        assertThat(home).contains("/meetings/" + latest + "\"", "Chưa có");
    }

    @Test
    void administratorHomePointsToTree() throws Exception {
        Actor admin = accountFixtures.accountWithoutMember(village.committee(), Role.SYSTEM_ADMIN);

        String home = page("/", SignIn.as(mvc, admin));

        assertThat(home).contains("Tài khoản quản trị hệ thống không xem nội dung sinh hoạt của các chi bộ.");
        assertThat(home).contains("href=\"/organizations\"");
        assertThat(home).doesNotContain("Xin liên hệ bí thư chi bộ.");
    }

    @Test
    void cellPageShowsChainAndLinks() throws Exception {
        String forSecretary = page("/cells/" + village.cell().id(), SignIn.as(mvc, village.secretary()));
        String forMember = page("/cells/" + village.cell().id(), SignIn.as(mvc, village.member()));

        assertThat(forSecretary).contains(village.cell().name(), village.committee().name(),
                "/cells/" + village.cell().id() + "/members\"", "/cells/" + village.cell().id() + "/meetings\"",
                "/cells/" + village.cell().id() + "/meetings/new\"");
        assertThat(forMember).contains("/cells/" + village.cell().id() + "/members\"")
                .doesNotContain("/meetings/new\"");
        mvc.perform(get("/cells/{id}", village.committee().id().value()).session(SignIn.as(mvc, village.officer())))
                .andExpect(status().isNotFound());
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
