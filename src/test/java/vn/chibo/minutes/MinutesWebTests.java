package vn.chibo.minutes;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;
import vn.chibo.voting.Motion;
import vn.chibo.voting.Motions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class MinutesWebTests {

    private static final Pattern FIGURE = Pattern.compile("<b id=\"figure-([a-z-]+)\">(\\d+)</b>");

    /** The label of each figure on the result page as the minutes print it. */
    private static final Map<String, String> MINUTES_LABELS = Map.of("for", "Tán thành", "against",
            "Không tán thành", "abstain", "Không có ý kiến", "not-voting", "Không tham gia biểu quyết", "denominator",
            "Số đảng viên tính biểu quyết", "needed", "Số phiếu tán thành cần có");

    @Autowired
    MockMvc mvc;

    @Autowired
    ClosedVillageMeetings closedMeetings;

    @Autowired
    VillageMeetings villages;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MinutesBook book;

    @Autowired
    Motions motions;

    @Test
    void memberReadsMinutesPage() throws Exception {
        Village village = closedMeetings.closedMeeting();
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));

        mvc.perform(get("/meetings/{id}/minutes", village.meeting().value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ĐẢNG CỘNG SẢN VIỆT NAM")))
                .andExpect(content().string(containsString("CHI BỘ THÔN HÒA BÌNH 3")))
                .andExpect(content().string(containsString("+ Đồng chí Dương Thị Thu.")))
                .andExpect(content().string(containsString("/meetings/" + village.meeting().value() + "/minutes.pdf")))
                .andExpect(content().string(not(containsString("name=\"body\""))))
                .andExpect(content().string(not(containsString("/minutes/approval"))));
    }

    @Test
    void minutesPageWaitsForDraft() throws Exception {
        Village village = villages.publishedMeeting();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(get("/meetings/{id}/minutes", village.meeting().value()).session(chair))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Biên bản được lập tự động khi cuộc họp kết thúc.")));
        mvc.perform(get("/meetings/{id}/minutes.pdf", village.meeting().value()).session(chair))
                .andExpect(status().isNotFound());
    }

    @Test
    void minuteTakerEditsAndBothApprove() throws Exception {
        Village village = closedMeetings.closedMeeting();
        Minutes drafted = book.of(village.meeting()).orElseThrow();
        MockHttpSession taker = SignIn.as(mvc, village.minuteTaker());
        MockHttpSession chair = SignIn.as(mvc, village.secretary());
        String minutesUrl = "/meetings/" + village.meeting().value() + "/minutes";

        mvc.perform(get(minutesUrl).session(taker))
                .andExpect(content().string(containsString("name=\"body\"")))
                .andExpect(content().string(containsString("/minutes/approval")));
        mvc.perform(post(minutesUrl).session(chair).with(csrf()).param("body", "Sửa của chủ trì")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Chỉ thư ký cuộc họp mới được sửa biên bản.")));
        mvc.perform(post(minutesUrl).session(taker).with(csrf()).param("body", "  ")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Xin nhập nội dung biên bản.")));
        mvc.perform(post(minutesUrl).session(taker).with(csrf()).param("body", drafted.body() + "\nBổ sung."))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(post(minutesUrl).session(taker).with(csrf()).param("body", drafted.body() + "\nBổ sung.")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(minutesUrl));
        Minutes edited = book.of(village.meeting()).orElseThrow();
        assertThat(edited.body()).endsWith("\nBổ sung.");

        mvc.perform(post(minutesUrl + "/approval").session(chair).with(csrf())
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Biên bản vừa được thay đổi")));
        mvc.perform(post(minutesUrl + "/approval").session(chair).with(csrf())
                        .param("version", Integer.toString(edited.version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(minutesUrl + "/approval").session(taker).with(csrf())
                        .param("version", Integer.toString(edited.version() + 1)))
                .andExpect(status().is3xxRedirection());
        assertThat(book.of(village.meeting()).orElseThrow().status()).isEqualTo(MinutesStatus.APPROVED);

        mvc.perform(get(minutesUrl).session(taker))
                .andExpect(content().string(containsString("Đã duyệt")))
                .andExpect(content().string(not(containsString("name=\"body\""))));
        mvc.perform(post(minutesUrl).session(taker).with(csrf()).param("body", "Sửa sau khi duyệt")
                        .param("version", Integer.toString(edited.version() + 2)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Biên bản đã được duyệt nên không thể sửa.")));
        assertThat(book.of(village.meeting()).orElseThrow().body()).endsWith("\nBổ sung.");
    }

    @Test
    void exportsHiddenFromOtherCells() throws Exception {
        Village village = closedMeetings.closedMeeting();
        Actor outsider = fixtures.accountWithoutMember(fixtures.cellUnder(village.commune().committee()),
                Role.CELL_SECRETARY);
        MockHttpSession stranger = SignIn.as(mvc, outsider);

        for (String path : List.of("/minutes", "/minutes.pdf", "/minutes.docx")) {
            mvc.perform(get("/meetings/" + village.meeting().value() + path).session(stranger))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/meetings/{id}/minutes.pdf", 999_999).session(stranger)).andExpect(status().isNotFound());
    }

    @Test
    void pdfContainsNamesAndFigures() throws Exception {
        Village village = closedMeetings.closedMeeting();
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));
        Map<String, String> figures = resultPageFigures(village, member);

        byte[] pdf = mvc.perform(get("/meetings/{id}/minutes.pdf", village.meeting().value()).session(member))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("ĐẢNG BỘ XÃ MINH AN", "CHI BỘ THÔN HÒA BÌNH 3", "ĐẢNG CỘNG SẢN VIỆT NAM",
                    "BIÊN BẢN", "SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG", "Minh An, ngày ");
            assertThat(text).contains("+ Đồng chí Võ Văn Hùng (lý do: Đi viện khám bệnh, có giấy báo).",
                    "+ Đồng chí Dương Thị Thu.");
            figures.forEach((figure, value) -> assertThat(text).as(figure)
                    .contains("- " + MINUTES_LABELS.get(figure) + ": " + value));
            assertThat(text).contains("- Kết quả: được thông qua.");
            assertThat(text).contains("THƯ KÝ", "CHỦ TRÌ", "(Ký, ghi rõ họ tên)", VillageMeetings.SECRETARY,
                    VillageMeetings.MINUTE_TAKER, "(Dự thảo, chưa được duyệt)");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVuSerif");
            assertThat(((PDType0Font) font).getCMap().getName()).isEqualTo("Identity-H");
            assertThat(font.getCOSObject().containsKey("ToUnicode")).isTrue();
        }
    }

    @Test
    void docxContainsNamesAndFigures() throws Exception {
        Village village = closedMeetings.closedMeeting();
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));
        Map<String, String> figures = resultPageFigures(village, member);

        byte[] docx = mvc.perform(get("/meetings/{id}/minutes.docx", village.meeting().value()).session(member))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andReturn().getResponse().getContentAsByteArray();

        try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFTable> tables = document.getTables();
            assertThat(tables).hasSize(2);
            XWPFTable header = tables.get(0);
            assertThat(header.getRow(0).getCell(0).getText()).contains("ĐẢNG BỘ XÃ MINH AN", "CHI BỘ THÔN HÒA BÌNH 3");
            assertThat(header.getRow(0).getCell(1).getText()).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "Minh An, ngày ");
            assertThat(header.getCTTbl().getTblPr().getTblBorders()).isNull();
            XWPFTable signatures = tables.get(1);
            assertThat(signatures.getRow(0).getCell(0).getText()).contains("THƯ KÝ", VillageMeetings.MINUTE_TAKER);
            assertThat(signatures.getRow(0).getCell(1).getText()).contains("CHỦ TRÌ", VillageMeetings.SECRETARY);

            List<XWPFParagraph> paragraphs = document.getParagraphs();
            XWPFParagraph heading = paragraphs.stream().filter(each -> each.getText().equals("BIÊN BẢN")).findFirst()
                    .orElseThrow();
            assertThat(heading.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(heading.getRuns().getFirst().isBold()).isTrue();
            XWPFParagraph title = paragraphs.get(paragraphs.indexOf(heading) + 1);
            assertThat(title.getText()).startsWith("SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(title.getRuns().getFirst().isBold()).isTrue();

            List<String> lines = paragraphs.stream().map(XWPFParagraph::getText).toList();
            assertThat(lines).contains("+ Đồng chí Võ Văn Hùng (lý do: Đi viện khám bệnh, có giấy báo).",
                    "+ Đồng chí Dương Thị Thu.", "- Kết quả: được thông qua.", "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP");
            figures.forEach((figure, value) -> assertThat(lines).as(figure)
                    .contains("- " + MINUTES_LABELS.get(figure) + ": " + value));
        }
    }

    /** Reads the figures of the meeting's vote from its result page, by the ids of their elements. */
    private Map<String, String> resultPageFigures(Village village, MockHttpSession session) throws Exception {
        Motion motion = motions.ofMeeting(village.meeting()).getFirst();
        String page = mvc.perform(get("/motions/{id}", motion.id().value()).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var figures = new LinkedHashMap<String, String>();
        Matcher matcher = FIGURE.matcher(page);
        while (matcher.find()) {
            figures.put(matcher.group(1), matcher.group(2));
        }
        assertThat(figures).containsExactlyInAnyOrderEntriesOf(Map.of("for", "22", "against", "1", "abstain", "1",
                "not-voting", "1", "denominator", "25", "needed", "13"));
        return figures;
    }
}
