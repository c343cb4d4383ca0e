package vn.chibo.discussion;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Opinions on the meeting page: posting with and without htmx, editing, withdrawing and marking. */
@SqlTest
@AutoConfigureMockMvc
class DiscussionWebTests {

    private static final String MEMBER = "Lý Văn Khánh";

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;

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

    @Test
    void meetingPageShowsOpinions() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 1);
        management.post(member(village), village.meeting(), item, "Dòng một <b>đậm</b>\nDòng hai");
        MockHttpSession session = SignIn.as(mvc, member(village));

        mvc.perform(get("/meetings/{id}", village.meeting().value()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"opinions-" + item + "\""),
                        containsString("Ý kiến của đảng viên (1)"),
                        containsString(MEMBER),
                        containsString("(giờ Việt Nam, UTC+7)"),
                        containsString("Dòng một &lt;b&gt;đậm&lt;/b&gt;\nDòng hai"),
                        containsString("action=\"/meetings/" + village.meeting() + "/agenda/" + item + "/opinions\""),
                        containsString("Sửa ý kiến"),
                        containsString("Rút ý kiến"),
                        not(containsString("Đánh dấu đã phát biểu")))));
    }

    @Test
    void postWithoutScriptRedirectsToItem() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        MockHttpSession session = SignIn.as(mvc, member(village));

        mvc.perform(post("/meetings/{m}/agenda/{i}/opinions", village.meeting().value(), item).session(session)
                        .with(csrf()).param("text", "  Tôi đồng ý.  "))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/meetings/" + village.meeting() + "#agenda-item-" + item));

        assertThat(opinions.ofMeeting(village.meeting())).singleElement()
                .extracting(Opinion::body).isEqualTo("Tôi đồng ý.");
    }

    @Test
    void postWithHtmxReturnsItemFragment() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        MockHttpSession session = SignIn.as(mvc, member(village));

        mvc.perform(post("/meetings/{m}/agenda/{i}/opinions", village.meeting().value(), item).session(session)
                        .with(csrf()).header("HX-Request", "true").param("text", "Ý kiến qua htmx"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(startsWith("<div class=\"opinions\" id=\"opinions-" + item + "\""),
                        containsString("Ý kiến qua htmx"), not(containsString("<html")))));
    }

    @Test
    void emptyOpinionIsRejectedWithMessage() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        MockHttpSession session = SignIn.as(mvc, member(village));
        String tooLong = "a".repeat(4001);

        mvc.perform(post("/meetings/{m}/agenda/{i}/opinions", village.meeting().value(), item).session(session)
                        .with(csrf()).header("HX-Request", "true").param("text", " \n "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("Xin viết ý kiến trước khi gửi."),
                        containsString("aria-invalid=\"true\""))));
        mvc.perform(post("/meetings/{m}/agenda/{i}/opinions", village.meeting().value(), item).session(session)
                        .with(csrf()).param("text", tooLong))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("Ý kiến không được dài quá 4.000 ký tự."),
                        containsString(tooLong), containsString("<html"))));

        assertThat(opinions.ofMeeting(village.meeting())).isEmpty();
    }

    @Test
    void authorEditsOnOwnPage() throws Exception {
        Village village = villages.publishedMeeting();
        OpinionId id = management.post(member(village), village.meeting(), itemId(village, 0), "Bản đầu");
        MockHttpSession author = SignIn.as(mvc, member(village));
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());

        mvc.perform(get("/opinions/{id}/edit", id.value()).session(author))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sửa ý kiến"), containsString(">Bản đầu</textarea>"),
                        containsString("Về nội dung: Khai mạc, điểm danh"))));
        mvc.perform(get("/opinions/{id}/edit", id.value()).session(secretary)).andExpect(status().isForbidden());
        mvc.perform(post("/opinions/{id}/edit", id.value()).session(secretary).with(csrf()).param("text", "Sửa hộ"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/opinions/{id}/edit", id.value()).session(author).with(csrf()).param("text", "Bản sau"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/meetings/" + village.meeting() + "#opinion-" + id));
        assertThat(opinions.visibleTo(member(village), id).body()).isEqualTo("Bản sau");
    }

    @Test
    void withdrawRemovesFromPage() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        OpinionId id = management.post(member(village), village.meeting(), item, "Sẽ rút");
        MockHttpSession author = SignIn.as(mvc, member(village));

        mvc.perform(post("/opinions/{id}/withdraw", id.value()).session(author).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Chưa có ý kiến nào về nội dung này."),
                        not(containsString("Sẽ rút")))));
        mvc.perform(get("/meetings/{id}", village.meeting().value()).session(author))
                .andExpect(content().string(not(containsString("Sẽ rút"))));
    }

    @Test
    void chairMarksSpokenFromPage() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        OpinionId id = management.post(member(village), village.meeting(), item, "Phát biểu");
        meetingManagement.start(village.secretary(), village.meeting());
        MockHttpSession chair = SignIn.as(mvc, village.secretary());
        MockHttpSession author = SignIn.as(mvc, member(village));

        mvc.perform(get("/meetings/{id}", village.meeting().value()).session(chair))
                .andExpect(content().string(containsString("action=\"/opinions/" + id + "/spoken\"")));
        mvc.perform(post("/opinions/{id}/spoken", id.value()).session(author).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/opinions/{id}/spoken", id.value()).session(chair).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Đã phát biểu tại cuộc họp"),
                        containsString("action=\"/opinions/" + id + "/unspoken\""))));
        assertThat(opinions.visibleTo(member(village), id).spoken()).isTrue();

        mvc.perform(post("/opinions/{id}/unspoken", id.value()).session(chair).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/meetings/" + village.meeting() + "#agenda-item-" + item));
        assertThat(opinions.visibleTo(member(village), id).spoken()).isFalse();
    }

    @Test
    void longListStartsCollapsed() throws Exception {
        Village village = villages.publishedMeeting();
        long item = itemId(village, 0);
        for (int i = 1; i <= 4; i++) {
            management.post(member(village), village.meeting(), item, "Ý kiến số " + i);
        }
        MockHttpSession session = SignIn.as(mvc, village.secretary());

        String page = mvc.perform(get("/meetings/{id}", village.meeting().value()).session(session))
                .andReturn().getResponse().getContentAsString();

        String block = page.substring(page.indexOf("id=\"opinions-" + item + "\""));
        assertThat(block).contains("Ý kiến của đảng viên (4)");
        assertThat(block.substring(0, block.indexOf("<summary"))).doesNotContain(" open");
        String nextItem = page.substring(page.indexOf("id=\"opinions-" + itemId(village, 1) + "\""));
        assertThat(nextItem.substring(0, nextItem.indexOf("<summary"))).contains(" open");
    }

    @Test
    void meetingFormRefusesToDropItemWithOpinions() throws Exception {
        Village village = villages.publishedMeeting();
        management.post(member(village), village.meeting(), itemId(village, 1), "Về kiểm điểm");
        Meeting meeting = meetings.get(village.meeting());
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());
        ZonedDateTime start = meeting.startsAt().atZone(ZONE);
        // The form takes one date, and the fixture starts an hour ago and lasts two. After 23:00 its end
        // falls past midnight and would come before the start in the form, so the test ends it at 23:59.
        ZonedDateTime end = meeting.plannedEndAt().atZone(ZONE);
        LocalTime endTime = end.toLocalDate().equals(start.toLocalDate()) ? end.toLocalTime() : LocalTime.of(23, 59);

        mvc.perform(post("/meetings/{id}/edit", village.meeting().value()).session(secretary).with(csrf())
                        .param("kind", "REGULAR").param("mode", "HYBRID").param("title", meeting.title())
                        .param("date", start.toLocalDate().toString())
                        .param("startTime", start.toLocalTime().toString())
                        .param("endTime", endTime.toString())
                        .param("place", meeting.place()).param("onlineLink", meeting.onlineLink())
                        .param("chair", meeting.chair().toString())
                        .param("minuteTaker", meeting.minuteTaker().toString())
                        .param("agenda[0].title", "Khai mạc, điểm danh").param("agenda[0].description", "")
                        .param("agenda[1].title", "Biểu quyết Nghị quyết tháng").param("agenda[1].description", "")
                        .param("action", "save"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("id=\"agenda-error\""),
                        containsString("Không xóa được nội dung đã có ý kiến của đảng viên."))));

        assertThat(meetings.get(village.meeting()).agenda()).hasSize(3);
    }

    private Actor member(Village village) {
        return villages.accountOf(village, MEMBER);
    }

    private long itemId(Village village, int index) {
        return meetings.get(village.meeting()).agenda().get(index).id();
    }
}
