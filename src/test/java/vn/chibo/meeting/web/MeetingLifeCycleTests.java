package vn.chibo.meeting.web;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.Formats;
import vn.chibo.system.JdbcTime;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each step of a meeting's life cycle as its own endpoint: who may take it, when, and what the pages show. */
@SqlTest
@AutoConfigureMockMvc
class MeetingLifeCycleTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingManagement management;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    MeetingFixtures.Village village;
    MockHttpSession secretary;

    @BeforeEach
    void village() throws Exception {
        village = fixtures.village();
        secretary = SignIn.as(mvc, village.secretary());
    }

    @Test
    void startButtonStartsMeeting() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(5)));
        mvc.perform(get("/meetings/{id}", id.value()).session(secretary))
                .andExpect(content().string(containsString("/meetings/" + id + "/start")))
                .andExpect(content().string(not(containsString("/meetings/" + id + "/close\""))));

        mvc.perform(post("/meetings/{id}/start", id.value()).session(SignIn.as(mvc, village.member())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/meetings/{id}/start", id.value()).session(SignIn.as(mvc, village.outsider())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/meetings/{id}/start", id.value()).session(secretary).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/meetings/" + id))
                .andExpect(flash().attributeExists("flash"));

        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.IN_PROGRESS);
        assertThat(meetings.get(id).startedAt()).isNotNull();
        assertThat(audit.entriesFor("meeting", id.value())).extracting(AuditEntry::action).contains("meeting.started");
        mvc.perform(get("/meetings/{id}", id.value()).session(secretary).param("lang", "en"))
                .andExpect(content().string(containsString("In progress")))
                .andExpect(content().string(containsString("/meetings/" + id + "/close\"")));
        mvc.perform(post("/meetings/{id}/start", id.value()).session(secretary).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void startBeforeMeetingDayRejected() throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(3));
        MeetingId id = fixtures.published(village, start);
        String day = Formats.DATE.format(start.atZone(VIETNAM));

        mvc.perform(get("/meetings/{id}", id.value()).session(secretary))
                .andExpect(content().string(not(containsString("/meetings/" + id + "/start"))))
                .andExpect(content().string(containsString("Chủ trì bắt đầu được cuộc họp từ ngày " + day)));
        mvc.perform(post("/meetings/{id}/start", id.value()).session(secretary).with(csrf()).param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("planned for " + day)));
        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.PUBLISHED);
    }

    @Test
    void rollAndCloseNeedStartedMeeting() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(5)));

        mvc.perform(get("/meetings/{id}/close", id.value()).session(secretary))
                .andExpect(status().isConflict());
        mvc.perform(post("/meetings/{id}/close", id.value()).session(secretary).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/meetings/{id}/attendance/{member}", id.value(), village.secretaryMember().id().value())
                        .session(secretary).with(csrf()).param("status", "PRESENT_IN_PERSON"))
                .andExpect(status().isConflict());
        mvc.perform(get("/meetings/{id}/attendance", id.value()).session(secretary))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cuộc họp chưa bắt đầu.")))
                .andExpect(content().string(not(containsString("roll-form"))));
        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.PUBLISHED);
    }

    @Test
    void cancelNeedsReason() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));

        mvc.perform(get("/meetings/{id}/cancel", id.value()).session(secretary))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"reason\"")));
        mvc.perform(post("/meetings/{id}/cancel", id.value()).session(secretary).with(csrf()).param("reason", "  "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Hãy ghi lý do hủy cuộc họp")));
        mvc.perform(post("/meetings/{id}/cancel", id.value()).session(secretary).with(csrf())
                        .param("reason", "x".repeat(501)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("500")));
        mvc.perform(post("/meetings/{id}/cancel", id.value()).session(SignIn.as(mvc, village.member())).with(csrf())
                        .param("reason", "Trùng lịch họp của xã"))
                .andExpect(status().isForbidden());
        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.PUBLISHED);
    }

    @Test
    void cancelledMeetingShowsReasonToMembers() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MockHttpSession member = SignIn.as(mvc, village.member());
        mvc.perform(get("/").session(member)).andExpect(content().string(containsString("/meetings/" + id + "\"")));

        mvc.perform(post("/meetings/{id}/cancel", id.value()).session(secretary).with(csrf())
                        .param("reason", "Trùng lịch họp của Đảng ủy xã"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/meetings/" + id));

        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(meetings.get(id).cancelReason()).isEqualTo("Trùng lịch họp của Đảng ủy xã");
        assertThat(audit.entriesFor("meeting", id.value())).extracting(AuditEntry::action)
                .contains("meeting.cancelled");
        mvc.perform(get("/meetings/{id}", id.value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã hủy")))
                .andExpect(content().string(containsString("Lý do hủy: Trùng lịch họp của Đảng ủy xã")))
                .andExpect(content().string(containsString("Cuộc họp đã bị hủy lúc "
                        + Formats.DATE_TIME.format(meetings.get(id).cancelledAt().atZone(VIETNAM)))))
                .andExpect(content().string(not(containsString("name=\"answer\""))));
        mvc.perform(get("/").session(member))
                .andExpect(content().string(not(containsString("/meetings/" + id + "\""))));
        mvc.perform(get("/meetings/{id}/cancel", id.value()).session(secretary)).andExpect(status().isConflict());
    }

    @Test
    void meetingInProgressCannotBeCancelled() throws Exception {
        MeetingId id = fixtures.underway(village);

        mvc.perform(post("/meetings/{id}/cancel", id.value()).session(secretary).with(csrf())
                        .param("reason", "Mất điện"))
                .andExpect(status().isConflict());
        assertThat(meetings.get(id).status()).isEqualTo(MeetingStatus.IN_PROGRESS);
    }

    @Test
    void shortMeetingIsFlagged() throws Exception {
        MeetingId id = fixtures.underway(village);
        mvc.perform(get("/meetings/{id}/close", id.value()).session(secretary))
                .andExpect(content().string(containsString("ít hơn 90 phút tối thiểu")));

        mvc.perform(post("/meetings/{id}/close", id.value()).session(secretary).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(meetings.get(id).realLength()).isLessThan(Duration.ofMinutes(90));
        assertThat(audit.entriesFor("meeting", id.value())).filteredOn(entry -> entry.action().equals("meeting.closed"))
                .extracting(AuditEntry::detail).singleElement().asString().contains("short=true");
        mvc.perform(get("/meetings/{id}", id.value()).session(SignIn.as(mvc, village.member())))
                .andExpect(content().string(containsString("id=\"closed-short\"")))
                .andExpect(content().string(containsString("ít hơn 90 phút tối thiểu")));
        mvc.perform(get("/cells/{id}/meetings", village.cell().id().value()).session(secretary))
                .andExpect(content().string(containsString("Quá ngắn: 0 phút")));
        mvc.perform(get("/").session(SignIn.as(mvc, village.officer())))
                .andExpect(content().string(containsString("Quá ngắn: 0 phút")));
    }

    @Test
    void meetingOfFullLengthIsNotFlagged() throws Exception {
        MeetingId id = fixtures.underway(village);
        jdbc.sql("update meeting set started_at = :started where id = :id")
                .param("started", JdbcTime.param(Instant.now().minus(Duration.ofMinutes(95))))
                .param("id", id.value())
                .update();

        management.close(village.secretary(), id);

        assertThat(meetings.get(id).realLength()).isGreaterThanOrEqualTo(Duration.ofMinutes(95));
        mvc.perform(get("/meetings/{id}", id.value()).session(secretary))
                .andExpect(content().string(not(containsString("id=\"closed-short\""))));
    }

    @Test
    void lateDocumentIsMarked() throws Exception {
        MeetingId soon = fixtures.published(village, Instant.now().plus(Duration.ofHours(5)));
        MeetingId later = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));

        mvc.perform(upload(later)).andExpect(flash().attributeCount(1));
        mvc.perform(upload(soon))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("documentLate"));

        mvc.perform(get("/meetings/{id}", soon.value()).session(SignIn.as(mvc, village.member())))
                .andExpect(content().string(containsString("late-document")))
                .andExpect(content().string(containsString("Đính kèm muộn: ")));
        mvc.perform(get("/meetings/{id}", later.value()).session(secretary))
                .andExpect(content().string(not(containsString("late-document"))));
    }

    @Test
    void missingMonthShownToSecretaryAndCommittee() throws Exception {
        YearMonth lastMonth = YearMonth.now(VIETNAM).minusMonths(1);
        Instant created = lastMonth.atDay(1).atStartOfDay(VIETNAM).toInstant();
        jdbc.sql("update organization set created_at = :created where id = :id")
                .param("created", JdbcTime.param(created))
                .param("id", village.cell().id().value())
                .update();
        String month = String.format("%02d/%d", lastMonth.getMonthValue(), lastMonth.getYear());

        mvc.perform(get("/").session(secretary))
                .andExpect(content().string(containsString("Tháng chưa có buổi sinh hoạt định kỳ đã diễn ra: " + month)));
        mvc.perform(get("/cells/{id}", village.cell().id().value()).session(secretary))
                .andExpect(content().string(containsString("Tháng chưa có buổi sinh hoạt định kỳ đã diễn ra: " + month)));
        mvc.perform(get("/").session(SignIn.as(mvc, village.officer())).param("lang", "en"))
                .andExpect(content().string(containsString("Months without a regular meeting that took place: "
                        + month)));
        mvc.perform(get("/").session(SignIn.as(mvc, village.member())))
                .andExpect(content().string(not(containsString("Tháng chưa có buổi sinh hoạt định kỳ"))));
    }

    @Test
    void meetingCountsInItsVietnameseMonth() throws Exception {
        YearMonth thisMonth = YearMonth.now(VIETNAM);
        YearMonth lastMonth = thisMonth.minusMonths(1);
        jdbc.sql("update organization set created_at = :created where id = :id")
                .param("created", JdbcTime.param(lastMonth.atDay(1).atStartOfDay(VIETNAM).toInstant()))
                .param("id", village.cell().id().value())
                .update();
        // 06:00 on the 1st in Vietnam is still the last day of the previous month in UTC.
        Instant firstMorning = thisMonth.atDay(1).atTime(6, 0).atZone(VIETNAM).toInstant();
        MeetingId id = fixtures.published(village, firstMorning);
        management.start(village.secretary(), id);
        management.close(village.secretary(), id);

        assertThat(meetings.missingOf(village.cell().id()).months()).containsExactly(lastMonth);
    }

    private RequestBuilder upload(MeetingId id) throws Exception {
        byte[] pdf;
        try (InputStream in = getClass().getResourceAsStream("/documents/du-thao-nghi-quyet-thang-12.pdf")) {
            pdf = in.readAllBytes();
        }
        return multipart("/meetings/{id}/documents", id.value())
                .file(new MockMultipartFile("file", "du-thao-nghi-quyet-thang-12.pdf", "application/pdf", pdf))
                .session(secretary)
                .with(csrf());
    }
}
