package vn.chibo.voting;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.meeting.MeetingManagement;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.chibo.voting.ListBallots.times;

/**
 * Elections and discipline votes through the pages and the API. One closed election and one
 * discipline vote are read back through every channel that shows results: the motion page, the
 * projector, the API, the CSV export and the PDF and DOCX minutes.
 */
@SqlTest
@AutoConfigureMockMvc
class ElectionWebTests {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\"[^>]*>\\s*([0-9A-Z-]{32})");
    private static final Pattern MOTION = Pattern.compile("/motions/(\\d+)$");

    /** Three candidates in the order of their given names (Hường, Khánh, Thắng), which is the ballot's order. */
    static final String A = VillageMeetings.MINUTE_TAKER;
    static final String B = VillageMeetings.ONLINE_OFFICIALS.get(0);
    static final String C = VillageMeetings.SECRETARY;
    static final String DISCIPLINED = VillageMeetings.ONLINE_OFFICIALS.get(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiSignIn api;

    @Autowired
    VillageMeetings villages;

    @Autowired
    SecretBallots secretBallots;

    @Autowired
    MotionManagement management;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    MinutesBook book;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void electionPagesTakeBallotInTwoSteps() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        String form = mvc.perform(get("/meetings/{id}/motions", village.meeting().value()).session(chair))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"open-election\"", "id=\"open-discipline\"", A, C)
                .doesNotContain("value=\"" + village.member(VillageMeetings.PROBATIONARY.get(0)) + "\" name=\"candidates\"");

        mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair).with(csrf())
                        .param("kind", "ELECTION").param("seats", "3")
                        .param("candidates", id(village, A), id(village, B)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Cần bầu 3 người nhưng chỉ có 2 ứng cử viên.")));
        String location = mvc.perform(post("/meetings/{id}/motions", village.meeting().value()).session(chair)
                        .with(csrf()).param("kind", "ELECTION").param("seats", "2").param("title", "Bầu chi ủy")
                        .param("candidates", id(village, A), id(village, B), id(village, C)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        MotionId motion = motionIn(location);

        MockHttpSession voter = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));
        mvc.perform(get("/motions/{id}", motion.value()).session(voter))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bầu 2 người trong số 3 ứng cử viên · vòng đầu")))
                .andExpect(content().string(containsString("nhiều nhất 2 người")))
                .andExpect(content().string(matchesPattern("(?s).*type=\"checkbox\" name=\"marks\"\\s+value=\"3\".*")));
        mvc.perform(post("/motions/{id}/list-ballot", motion.value()).session(voter).with(csrf())
                        .param("marks", "1", "2", "3"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Vòng bầu này chỉ bầu 2 người, nhưng phiếu đánh dấu 3 người.")));
        mvc.perform(post("/motions/{id}/list-ballot", motion.value()).session(voter).with(csrf())
                        .param("marks", "7"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("không nằm trong danh sách trên phiếu")));
        mvc.perform(post("/motions/{id}/list-ballot", motion.value()).session(voter).with(csrf())
                        .param("marks", "1", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"pending-marks\"")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
        assertThat(rows("secret_list_ballot", motion)).isZero();

        String page = mvc.perform(post("/motions/{id}/list-ballot", motion.value()).session(voter).with(csrf())
                        .param("marks", "1", "3").param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã ghi nhận phiếu kín của đồng chí.")))
                .andReturn().getResponse().getContentAsString();
        Matcher receipt = RECEIPT.matcher(page);
        assertThat(receipt.find()).isTrue();
        mvc.perform(post("/motions/{id}/list-ballot", motion.value()).session(voter).with(csrf())
                        .param("marks", "2").param("confirmed", "true"))
                .andExpect(status().isConflict());
        mvc.perform(get("/motions/{id}", motion.value()).session(chair))
                .andExpect(content().string(containsString("Đã có 1/24")))
                .andExpect(content().string(not(containsString(A + ": "))));

        mvc.perform(post("/motions/{id}/close", motion.value()).session(chair).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/motions/{id}/receipt-check", motion.value()).session(voter).with(csrf())
                        .param("code", receipt.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phiếu mang mã này đã được kiểm, đánh dấu: " + A + ", " + C)));
        // One ballot of 25 elects no candidate, so the chair is offered a further round for both seats.
        mvc.perform(get("/motions/{id}", motion.value()).session(chair))
                .andExpect(content().string(containsString("Còn thiếu 2 người trúng cử.")))
                .andExpect(content().string(containsString("Mở vòng bầu bổ sung")));
        mvc.perform(get("/motions/{id}", motion.value()).session(voter))
                .andExpect(content().string(not(containsString("Mở vòng bầu bổ sung"))));
        String next = mvc.perform(post("/motions/{id}/next-round", motion.value()).session(chair).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(next).session(voter))
                .andExpect(content().string(containsString("Bầu chi ủy (lần 2: bầu bổ sung)")))
                .andExpect(content().string(containsString("Bầu 2 người trong số 3 ứng cử viên · bầu bổ sung")));
        mvc.perform(post("/motions/{id}/next-round", motion.value()).session(voter).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void listResultsSameOnEveryChannel() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        List<String> voters = village.eligibleVoters();
        MotionId election = management.open(village.secretary(), village.meeting(), MotionRequest.parse("ELECTION",
                "", "Bầu chi ủy", null, null, null, "2", List.of(id(village, A), id(village, B), id(village, C)),
                List.of()));
        // A 20, B 14, C 14: A elected, B and C tied for the second seat.
        ListBallots.cast(villages, secretBallots, village, voters, election,
                ListBallots.of(times(10, 1, 2), times(10, 1, 3), times(4, 2, 3)));
        management.close(village.secretary(), election);
        MotionId discipline = management.open(village.secretary(), village.meeting(), MotionRequest.parse(
                "DISCIPLINE", "", null, null, null, id(village, DISCIPLINED), null, List.of(),
                List.of("REPRIMAND", "WARNING", "EXPULSION")));
        // Expulsion 10, warning 3, reprimand 2, no penalty 9: the warning is decided by adding up.
        ListBallots.cast(villages, secretBallots, village, voters, discipline,
                ListBallots.of(times(10, 3), times(3, 2), times(2, 1), times(9)));
        management.close(village.secretary(), discipline);
        meetingManagement.close(village.secretary(), village.meeting());
        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(village.meeting()).isPresent());
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        String electionPage = page(member, "/motions/" + election.value());
        assertThat(electionPage).contains("Trúng cử: " + A + ".", "2 đồng chí bằng phiếu ở vị trí cuối (" + B + ", " + C
                + "): chi bộ bầu lại giữa những đồng chí này cho 1 chỗ còn lại.", "Chưa đủ số người trúng cử",
                "Người trúng cử cần ít nhất 13 phiếu, hơn một nửa của 25 đồng chí tính biểu quyết.",
                "Số phiếu thu về 24: phiếu có bầu 24, phiếu trắng 0.");
        String disciplinePage = page(member, "/motions/" + discipline.value());
        assertThat(disciplinePage).contains("Kết quả: Cảnh cáo.", "cộng dồn số phiếu từ hình thức nặng nhất xuống",
                "Số phiếu thu về 24: chọn một hình thức kỷ luật 15, không thi hành kỷ luật 9.",
                "Đảng viên được xem xét kỷ luật: " + DISCIPLINED);
        // Another member's session, because choosing a language is remembered for the account.
        String inEnglish = page(SignIn.as(mvc, villages.accountOf(village, "Lý Văn Khánh")),
                "/motions/" + discipline.value() + "?lang=en");
        assertThat(inEnglish).contains("Outcome: Warning.", "<td>Warning</td>", "<td>Reprimand</td>", "Not decided")
                .doesNotContain("Cảnh cáo");
        String projector = page(SignIn.as(mvc, village.secretary()), "/meetings/" + village.meeting().value()
                + "/projector");
        assertThat(projector).contains(A + ": 20 phiếu (Trúng cử)", B + ": 14 phiếu (Bằng phiếu, bầu lại)",
                "Cảnh cáo: 3 phiếu, cộng dồn 13 (Được quyết định)",
                "Khai trừ: 10 phiếu, cộng dồn 10 (Không được quyết định)");

        JsonNode motions = json.readTree(mvc.perform(get("/api/v1/meetings/{id}/motions", village.meeting().value())
                        .with(api.as(villages.accountOf(village, "Phạm Thị Ánh"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("motions");
        JsonNode electionView = motions.get(0);
        assertThat(electionView.get("election").get("seats").asInt()).isEqualTo(2);
        assertThat(electionView.get("options")).hasSize(3);
        JsonNode lines = electionView.get("result").get("lines");
        assertThat(lines.get(0).get("votes").asInt()).isEqualTo(20);
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("ELECTED");
        assertThat(lines.get(2).get("outcome").asText()).isEqualTo("RUNOFF");
        JsonNode penalties = motions.get(1).get("result").get("lines");
        assertThat(penalties.get(1).get("addedUp").asInt()).isEqualTo(13);
        assertThat(penalties.get(1).get("outcome").asText()).isEqualTo("DECIDED");
        assertThat(penalties.get(2).get("votesNeeded").asInt()).isEqualTo(17);

        byte[] csv = mvc.perform(get("/meetings/{id}/motions.csv", village.meeting().value()).session(member))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(
                new String(csv, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(records).hasSize(1 + 1 + 3 + 1 + 3);
        assertThat(records.get(1).get(15)).isEqualTo("Chưa đủ số người trúng cử");
        assertThat(records.get(1).get(16)).isEqualTo("24");
        assertThat(List.of(records.get(2).get(0), records.get(2).get(1), records.get(2).get(5),
                records.get(2).get(12), records.get(2).get(15))).containsExactly("1.1", A, "20", "13", "Trúng cử");
        assertThat(records.get(4).get(15)).isEqualTo("Bằng phiếu, bầu lại");
        assertThat(records.get(5).get(17)).isEqualTo("9");
        assertThat(List.of(records.get(7).get(1), records.get(7).get(5), records.get(7).get(12),
                records.get(7).get(15), records.get(7).get(18))).containsExactly("Cảnh cáo", "3", "13", "Được quyết định",
                "13");

        MockHttpSession taker = SignIn.as(mvc, village.minuteTaker());
        byte[] pdf = mvc.perform(get("/meetings/{id}/minutes.pdf", village.meeting().value()).session(taker))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<String> expected = List.of("- Số người cần bầu: 2 (vòng đầu)", "- " + A + ": 20 phiếu, trúng cử",
                "- " + C + ": 14 phiếu, bằng phiếu, bầu lại",
                "- Cảnh cáo: 3 phiếu; cộng dồn từ hình thức nặng nhất: 13; cần có: 13; được quyết định",
                "- Khai trừ: 10 phiếu; cộng dồn từ hình thức nặng nhất: 10; cần có: 17; không được quyết định",
                "- Kết quả: trúng cử: " + A + "; bầu lại giữa " + B + ", " + C + " cho 1 chỗ còn lại.",
                "- Kết quả: thi hành kỷ luật bằng hình thức cảnh cáo (đạt khi cộng dồn số phiếu từ hình thức nặng "
                        + "nhất xuống).");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            expected.forEach(line -> assertThat(text).as("PDF").contains(line));
        }
        byte[] docx = mvc.perform(get("/meetings/{id}/minutes.docx", village.meeting().value()).session(taker))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            expected.forEach(line -> assertThat(paragraphs).as("DOCX").contains(line));
        }
    }

    @Test
    void apiBallotChecksMarks() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId discipline = management.open(village.secretary(), village.meeting(), MotionRequest.parse(
                "DISCIPLINE", "", null, null, null, id(village, DISCIPLINED), null, List.of(),
                List.of("REPRIMAND", "WARNING")));
        var voter = villages.accountOf(village, "Phạm Thị Ánh");

        mvc.perform(post("/api/v1/motions/{id}/ballot", discipline.value()).with(api.as(voter))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"choice\":\"FOR\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/motions/{id}/ballot", discipline.value()).with(api.as(voter))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/motions/{id}/ballot", discipline.value()).with(api.as(voter))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"marks\":[1,2]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Phiếu kỷ luật chỉ chọn một hình thức")));
        mvc.perform(post("/api/v1/motions/{id}/ballot", discipline.value()).with(api.as(voter))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"marks\":[3]}"))
                .andExpect(status().isUnprocessableContent());
        JsonNode accepted = json.readTree(mvc.perform(post("/api/v1/motions/{id}/ballot", discipline.value())
                        .with(api.as(voter)).contentType(MediaType.APPLICATION_JSON).content("{\"marks\":[]}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(accepted.get("receiptCode").asText()).hasSize(32);
        assertThat(accepted.get("marks")).isEmpty();
        mvc.perform(post("/api/v1/motions/{id}/ballot", discipline.value()).with(api.as(voter))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"marks\":[1]}"))
                .andExpect(status().isConflict());

        management.close(village.secretary(), discipline);
        JsonNode check = json.readTree(mvc.perform(post("/api/v1/motions/{id}/receipt-check", discipline.value())
                        .with(api.as(voter)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + accepted.get("receiptCode").asText() + "\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(check.get("counted").asBoolean()).isTrue();
        assertThat(check.get("marks")).isEmpty();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private int rows(String table, MotionId id) {
        return jdbc.sql("select count(*) from " + table + " where motion_id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    private static String id(Village village, String name) {
        return village.member(name).toString();
    }

    private static MotionId motionIn(String location) {
        Matcher matcher = MOTION.matcher(location);
        assertThat(matcher.find()).as("redirect to a motion: " + location).isTrue();
        return MotionId.of(Long.parseLong(matcher.group(1)));
    }
}
