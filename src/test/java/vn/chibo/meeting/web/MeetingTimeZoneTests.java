package vn.chibo.meeting.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Meeting times on the pages name the zone, in the reader's language. */
@SqlTest
@AutoConfigureMockMvc
class MeetingTimeZoneTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Test
    void meetingTimesNameTheZone() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.parse("2027-01-20T12:30:00Z"));
        MockHttpSession session = SignIn.as(mvc, village.member());

        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("20/01/2027 19:30 (giờ Việt Nam, UTC+7)")));
        mvc.perform(get("/meetings/{id}", meeting.value()).session(session).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("20/01/2027 19:30 – 21:30 (Vietnam time, UTC+7)")));
        mvc.perform(get("/cells/{id}/meetings", village.cell().id().value()).session(session).param("lang", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("20/01/2027 19:30 (vietnamesische Zeit, UTC+7)")));
    }
}
