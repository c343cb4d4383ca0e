package vn.chibo.minutes;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.meeting.MeetingManagement;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionKind;
import vn.chibo.voting.MotionManagement;
import vn.chibo.voting.MotionRequest;
import vn.chibo.voting.SecretBallots;
import vn.chibo.voting.ShowOfHandsCount;
import vn.chibo.voting.VotingMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One closed secret ballot rendered through every channel that shows results: the motion page, the
 * API, the CSV export and the PDF and DOCX minutes all read the same figures.
 */
@SqlTest
@AutoConfigureMockMvc
class VoteResultChannelsTests {

    /** 14 for, 6 against, 3 abstain of 24 eligible voters present; 25 in the denominator after 8 exclusions. */
    private static final Map<String, String> FIGURES = Map.of("for", "14", "against", "6", "abstain", "3",
            "not-voting", "2", "denominator", "25", "needed", "13");

    private static final Map<String, String> MINUTES_LABELS = Map.of("for", "Tán thành", "against",
            "Không tán thành", "abstain", "Không có ý kiến", "not-voting", "Không tham gia biểu quyết", "denominator",
            "Số đảng viên tính biểu quyết", "needed", "Số phiếu tán thành cần có");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiSignIn api;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MotionManagement management;

    @Autowired
    SecretBallots secretBallots;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    MinutesBook book;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyChannelShowsSameFigures() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        MotionId secret = closedSecretBallot(village);
        MotionId hands = management.open(village.secretary(), village.meeting(), new MotionRequest(
                MotionKind.RESOLUTION, VotingMethod.SHOW_OF_HANDS, "+Phương án bổ sung", null, null));
        management.recordShowOfHands(village.secretary(), hands, new ShowOfHandsCount(10, 5, 0));
        meetingManagement.close(village.secretary(), village.meeting());
        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(village.meeting()).isPresent());
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        String page = mvc.perform(get("/motions/{id}", secret.value()).session(member))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        FIGURES.forEach((figure, value) -> assertThat(page).as("page " + figure)
                .contains("id=\"figure-" + figure + "\">" + value + "</b>"));
        assertThat(page).contains("23 trên 24 đồng chí có quyền biểu quyết có mặt (96%)", "Võ Văn Hùng",
                "Phan Văn Sơn");

        JsonNode result = json.readTree(mvc.perform(get("/api/v1/meetings/{id}/motions", village.meeting().value())
                        .with(api.as(villages.accountOf(village, "Phạm Thị Ánh"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("motions").get(0).get("result");
        assertThat(result.get("votesFor").asInt()).isEqualTo(14);
        assertThat(result.get("votesAgainst").asInt()).isEqualTo(6);
        assertThat(result.get("abstentions").asInt()).isEqualTo(3);
        assertThat(result.get("notVoting").asInt()).isEqualTo(2);
        assertThat(result.get("denominator").asInt()).isEqualTo(25);
        assertThat(result.get("votesNeeded").asInt()).isEqualTo(13);
        assertThat(result.get("eligibleVotersPresent").asInt()).isEqualTo(24);
        assertThat(result.get("participationPercent").asInt()).isEqualTo(96);
        assertThat(result.get("passed").asBoolean()).isTrue();
        assertThat(result.get("excluded")).hasSize(8);

        byte[] csv = mvc.perform(get("/meetings/{id}/motions.csv", village.meeting().value()).session(member))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(
                new String(csv, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(0).values()).startsWith("STT", "Nội dung biểu quyết");
        CSVRecord row = records.get(1);
        assertThat(row.get(3)).isEqualTo("Bỏ phiếu kín");
        assertThat(List.of(row.get(5), row.get(6), row.get(7), row.get(8), row.get(9), row.get(12)))
                .containsExactly("14", "6", "3", "2", "25", "13");
        assertThat(row.get(10)).contains("Võ Văn Hùng (Vắng mặt cả buổi có lý do được chấp thuận)",
                "Phan Văn Sơn (Đang sinh hoạt tạm thời nơi khác)");
        assertThat(row.get(13)).isEqualTo("24");
        assertThat(row.get(14)).isEqualTo("96");
        assertThat(row.get(15)).isEqualTo("Được thông qua");
        assertThat(records.get(2).get(1)).isEqualTo("'+Phương án bổ sung");
        assertThat(records.get(2).get(15)).isEqualTo("Không được thông qua");

        // Members read only approved minutes, so the draft is read as its minute taker.
        MockHttpSession taker = SignIn.as(mvc, village.minuteTaker());
        byte[] pdf = mvc.perform(get("/meetings/{id}/minutes.pdf", village.meeting().value()).session(taker))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            FIGURES.forEach((figure, value) -> assertThat(text).as("PDF " + figure)
                    .contains("- " + MINUTES_LABELS.get(figure) + ": " + value));
            assertThat(text).contains("hình thức: Bỏ phiếu kín", "- Tham gia biểu quyết: 23 trên 24 đồng chí có "
                    + "quyền biểu quyết có mặt (96%)", "- Kết quả: được thông qua.");
        }

        byte[] docx = mvc.perform(get("/meetings/{id}/minutes.docx", village.meeting().value()).session(taker))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> lines = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            FIGURES.forEach((figure, value) -> assertThat(lines).as("DOCX " + figure)
                    .contains("- " + MINUTES_LABELS.get(figure) + ": " + value));
            assertThat(lines).contains("- Tham gia biểu quyết: 23 trên 24 đồng chí có quyền biểu quyết có mặt (96%)",
                    "- Kết quả: được thông qua.");
        }
    }

    /** Opens a secret ballot on the resolution, casts 14 for, 6 against and 3 abstain, and closes it. */
    private MotionId closedSecretBallot(Village village) {
        MotionId id = management.open(village.secretary(), village.meeting(), new MotionRequest(
                MotionKind.RESOLUTION, VotingMethod.SECRET, "Biểu quyết thông qua Nghị quyết", null, null));
        var choices = new ArrayList<BallotChoice>(Collections.nCopies(14, BallotChoice.FOR));
        choices.addAll(Collections.nCopies(6, BallotChoice.AGAINST));
        choices.addAll(Collections.nCopies(3, BallotChoice.ABSTAIN));
        List<String> voters = village.eligibleVoters();
        for (int i = 0; i < choices.size(); i++) {
            secretBallots.cast(villages.accountOf(village, voters.get(i)), id, choices.get(i));
        }
        management.close(village.secretary(), id);
        return id;
    }
}
