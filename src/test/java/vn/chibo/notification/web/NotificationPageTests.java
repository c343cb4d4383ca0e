package vn.chibo.notification.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notification centre page and the unread count in the header. */
@SqlTest
@AutoConfigureMockMvc
class NotificationPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void centreListsOwnNoticesAndMarksThemRead() throws Exception {
        Village village = fixtures.village();
        MeetingId first = fixtures.published(village, Instant.parse("2099-12-20T01:00:00Z"));
        // The notices are written after commit on other threads: wait for the first, so that the second is newer.
        await().atMost(Duration.ofSeconds(20)).until(() -> noticesOf(village) == 1);
        MeetingId second = fixtures.published(village, Instant.parse("2099-12-27T01:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> noticesOf(village) == 2);
        MockHttpSession member = SignIn.as(mvc, village.member());

        String page = page(member, "/notifications");
        assertThat(page).contains("<span class=\"count\" aria-hidden=\"true\">2</span>");
        assertThat(page).contains("2 chưa đọc");
        assertThat(page).contains("href=\"/meetings/" + first.value() + "\"", "href=\"/meetings/" + second.value() + "\"");
        assertThat(page).contains("Thời gian: 20/12/2099 08:00 (giờ Việt Nam, UTC+7)");
        assertThat(page.indexOf("/meetings/" + second.value() + "\"")).as("newest first")
                .isLessThan(page.indexOf("/meetings/" + first.value() + "\""));

        long notification = jdbc.sql("""
                select id from notification where account_id = :account and meeting_id = :meeting
                """)
                .param("account", village.member().accountId().value())
                .param("meeting", first.value())
                .query(Long.class)
                .single();
        mvc.perform(post("/notifications/{id}/read", notification).session(SignIn.as(mvc, village.outsider()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/{id}/read", notification).session(member).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(page(member, "/")).contains("<span class=\"count\" aria-hidden=\"true\">1</span>");

        mvc.perform(post("/notifications/read-all").session(member).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        String after = page(member, "/notifications");
        assertThat(after).doesNotContain("class=\"count\"");
        assertThat(after).doesNotContain("/notifications/read-all");
        assertThat(page(SignIn.as(mvc, village.outsider()), "/notifications"))
                .doesNotContain("/meetings/" + first.value() + "\"");
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private int noticesOf(Village village) {
        return jdbc.sql("select count(*) from notification where account_id = :account")
                .param("account", village.member().accountId().value())
                .query(Integer.class)
                .single();
    }
}
