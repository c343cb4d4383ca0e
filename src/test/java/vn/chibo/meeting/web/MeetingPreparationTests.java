package vn.chibo.meeting.web;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingDocument;
import vn.chibo.meeting.MeetingDocumentReads;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Read tracking of meeting documents and the secretary's preparation table on the meeting page. */
@SqlTest
@AutoConfigureMockMvc
class MeetingPreparationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingDocuments documents;

    @Autowired
    MeetingDocumentReads reads;

    @Autowired
    MeetingResponses responses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    AuditLog audit;

    @Test
    void downloadRecordsFirstAndLastOpeningOnce() throws Exception {
        Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MeetingDocument document = attach(village, meeting, "du-thao-nghi-quyet-thang-12.pdf");
        String path = "/meetings/" + meeting.value() + "/documents/" + document.id().value();

        mvc.perform(get(path).session(SignIn.as(mvc, village.member()))).andExpect(status().isOk());
        Instant first = reads.firstOpened(document.id(), memberId(village)).orElseThrow();
        mvc.perform(get(path).session(SignIn.as(mvc, village.member()))).andExpect(status().isOk());
        mvc.perform(get(path).session(SignIn.as(mvc, village.officer()))).andExpect(status().isOk());

        Map<String, Object> row = jdbc.sql("""
                select count(*) over () as rows_found, open_count, first_opened_at, last_opened_at
                from meeting_document_read where meeting_document_id = :document
                """)
                .param("document", document.id().value())
                .query()
                .singleRow();
        assertThat(((Number) row.get("rows_found")).intValue()).isEqualTo(1);
        assertThat(((Number) row.get("open_count")).intValue()).isEqualTo(2);
        assertThat(reads.firstOpened(document.id(), memberId(village))).contains(first);
        assertThat(reads.openedBy(meeting)).containsExactly(Map.entry(memberId(village), Set.of(document.id())));
    }

    @Test
    void secretarySeesWhoHasNotAnsweredOrRead() throws Exception {
        Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        MeetingDocument resolution = attach(village, meeting, "du-thao-nghi-quyet-thang-12.pdf");
        attach(village, meeting, "bao-cao-thang-12.pdf");
        mvc.perform(get("/meetings/" + meeting.value() + "/documents/" + resolution.id().value())
                .session(SignIn.as(mvc, village.member()))).andExpect(status().isOk());
        responses.answer(village.member(), meeting, ResponseAnswer.IN_PERSON, null);

        String page = mvc.perform(get("/meetings/" + meeting.value()).session(SignIn.as(mvc, village.secretary())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Member member = village.memberOf(village.member());
        Member probationary = village.memberOf(village.probationary());
        long expected = village.roster().stream().filter(Member::isExpectedAtMeetings).count();
        assertThat(page).contains("id=\"preparation\"");
        assertThat(page).contains("Chưa trả lời (" + (expected - 1) + ")");
        String notAnswered = section(page, "class=\"not-answered\"", "</ul>");
        assertThat(notAnswered).contains(probationary.fullName()).doesNotContain(member.fullName());
        String memberRow = section(page, "<th scope=\"row\">" + member.fullName() + "</th>", "</tr>");
        assertThat(cells(memberRow)).containsExactly("đã mở", "chưa mở");
        String probationaryRow = section(page, "<th scope=\"row\">" + probationary.fullName() + "</th>", "</tr>");
        assertThat(cells(probationaryRow)).containsExactly("chưa mở", "chưa mở");

        String memberPage = mvc.perform(get("/meetings/" + meeting.value()).session(SignIn.as(mvc, village.member())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(memberPage).doesNotContain("id=\"preparation\"");
    }

    @Test
    void rejectedAndPendingReasonsCloseUnexcused() {
        Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(10)));
        MemberId rejected = village.memberOf(village.member()).id();
        MemberId pending = village.memberOf(village.probationary()).id();
        responses.answer(village.member(), meeting, ResponseAnswer.ABSENT, "Đi làm đồng");
        responses.answer(village.probationary(), meeting, ResponseAnswer.ABSENT, "Con ốm");
        responses.decide(village.secretary(), meeting, rejected, false);

        management.start(village.secretary(), meeting);
        management.close(village.secretary(), meeting);

        assertThat(meetings.markOf(meeting, rejected)).get().extracting(RollMark::status)
                .isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
        assertThat(meetings.markOf(meeting, pending)).get().extracting(RollMark::status)
                .isEqualTo(AttendanceStatus.ABSENT_UNEXCUSED);
        assertThat(audit.entriesFor("meeting", meeting.value())).extracting(AuditEntry::detail)
                .contains("member=" + rejected + " decision=REJECTED");
    }

    private MeetingDocument attach(Village village, MeetingId meeting, String name) throws Exception {
        return documents.attach(village.secretary(), meeting, name,
                new ByteArrayInputStream(SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf")));
    }

    private static MemberId memberId(Village village) {
        return village.memberOf(village.member()).id();
    }

    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as("page contains " + start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    private static List<String> cells(String row) {
        return Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row).results()
                .map(match -> match.group(1))
                .toList();
    }
}
