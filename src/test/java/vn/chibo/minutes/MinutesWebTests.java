package vn.chibo.minutes;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;
import vn.chibo.voting.Motion;
import vn.chibo.voting.Motions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
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

    private static final String CONTENT = "Chi ủy báo cáo kết quả thực hiện nhiệm vụ tháng.";
    private static final String SPEAKER = "Đồng chí Lê Văn Ân đề nghị làm đường giao thông nông thôn.";

    @Autowired
    MockMvc mvc;

    @Autowired
    MinutesManagement management;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    AuditLog audit;

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
                .andExpect(content().string(containsString("chưa được chủ trì và thư ký duyệt")))
                .andExpect(content().string(not(containsString("CHI BỘ THÔN HÒA BÌNH 3"))));
        mvc.perform(get("/meetings/{id}/minutes.pdf", village.meeting().value()).session(member))
                .andExpect(status().isNotFound());
        management.approve(village.minuteTaker(), village.meeting(),
                book.of(village.meeting()).orElseThrow().version());
        management.approve(village.secretary(), village.meeting(), book.of(village.meeting()).orElseThrow().version());

        mvc.perform(get("/meetings/{id}/minutes", village.meeting().value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ĐẢNG CỘNG SẢN VIỆT NAM")))
                .andExpect(content().string(containsString("CHI BỘ THÔN HÒA BÌNH 3")))
                .andExpect(content().string(containsString("+ Đồng chí Võ Văn Hùng.")))
                .andExpect(content().string(containsString("+ Đồng chí Dương Thị Thu.")))
                .andExpect(content().string(not(containsString(VillageMeetings.EXCUSE))))
                .andExpect(content().string(containsString("/meetings/" + village.meeting().value() + "/minutes.pdf")))
                .andExpect(content().string(not(containsString("<textarea"))))
                .andExpect(content().string(not(containsString("/minutes/parts/"))))
                .andExpect(content().string(not(containsString("/minutes/approval"))))
                .andExpect(content().string(not(containsString("/minutes/corrections"))));
    }

    @Test
    void recordsMinutesAndResolutionDownloads() throws Exception {
        Village village = closedMeetings.closedMeeting();
        Actor reader = villages.accountOf(village, "Phạm Thị Ánh");
        MockHttpSession member = SignIn.as(mvc, reader);
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());
        management.approve(village.minuteTaker(), village.meeting(), book.of(village.meeting()).orElseThrow().version());
        management.approve(village.secretary(), village.meeting(), book.of(village.meeting()).orElseThrow().version());
        Minutes minutes = book.of(village.meeting()).orElseThrow();
        long meetingId = village.meeting().value();

        mvc.perform(get("/meetings/{id}/minutes.pdf", meetingId).session(member)).andExpect(status().isOk());
        mvc.perform(get("/meetings/{id}/minutes/versions/1.docx", meetingId).session(member))
                .andExpect(status().isOk());
        mvc.perform(get("/meetings/{id}/resolution.docx", meetingId).session(secretary)).andExpect(status().isOk());

        assertThat(audit.entriesFor("minutes", minutes.id())).filteredOn(entry -> entry.action().equals(
                "minutes.downloaded")).extracting(AuditEntry::actorAccountId, AuditEntry::detail).containsExactly(
                tuple(reader.accountId().value(), "meeting=" + village.meeting() + " version=1 format=PDF"),
                tuple(reader.accountId().value(), "meeting=" + village.meeting() + " version=1 format=DOCX"));
        assertThat(audit.entriesOf(village.commune().cell().id().value(), "resolution.downloaded"))
                .extracting(AuditEntry::actorAccountId, AuditEntry::detail)
                .containsExactly(tuple(village.secretary().accountId().value(),
                        "meeting=" + village.meeting() + " format=DOCX"));
    }

    @Test
    void minutesPageWaitsForDraft() throws Exception {
        Village village = villages.meetingInProgress();
        MockHttpSession chair = SignIn.as(mvc, village.secretary());

        mvc.perform(get("/meetings/{id}/minutes", village.meeting().value()).session(chair))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Biên bản được lập tự động khi cuộc họp kết thúc.")));
        mvc.perform(get("/meetings/{id}/minutes.pdf", village.meeting().value()).session(chair))
                .andExpect(status().isNotFound());
    }

    @Test
    void minuteTakerEditsPartsAndBothApprove() throws Exception {
        Village village = closedMeetings.closedMeeting();
        Minutes drafted = book.of(village.meeting()).orElseThrow();
        MockHttpSession taker = SignIn.as(mvc, village.minuteTaker());
        MockHttpSession chair = SignIn.as(mvc, village.secretary());
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));
        String minutesUrl = "/meetings/" + village.meeting().value() + "/minutes";
        String itemUrl = minutesUrl + "/parts/item-2";

        String page = mvc.perform(get(minutesUrl).session(taker))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/minutes/approval")))
                .andExpect(content().string(not(containsString("Đồng chí đang ghi biên bản thay thư ký"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.split("<textarea", -1)).hasSize(1 + 1 + 3 * 3 + 1);
        assertThat(page).containsSubsequence("id=\"minutes-guests\"", "action=\"" + minutesUrl + "/parts/guests\"",
                "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP", "2. Kiểm điểm nhiệm vụ tháng", "action=\"" + itemUrl + "\"",
                "name=\"speakers\"", "name=\"conclusion\"", "3. Biểu quyết Nghị quyết tháng",
                "action=\"" + minutesUrl + "/parts/other-matters\"", "V. KẾT QUẢ BIỂU QUYẾT");
        assertThat(page).doesNotContainPattern("<textarea[^>]*>[^<]*Có mặt");

        mvc.perform(post(minutesUrl).session(taker).with(csrf()).param("body", "- Có mặt: 36 đồng chí")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().isMethodNotAllowed());
        for (String part : List.of("attendance", "votes", "item-4", "item-0")) {
            mvc.perform(post(minutesUrl + "/parts/" + part).session(taker).with(csrf()).param("text", "- Có mặt: 36")
                            .param("version", Integer.toString(drafted.version())))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post(itemUrl).session(member).with(csrf()).param("text", "Sửa của đảng viên")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString(
                        "Chỉ thư ký cuộc họp và bí thư, phó bí thư chi bộ mới được ghi biên bản.")));
        mvc.perform(post(itemUrl).session(taker).with(csrf()).param("text", "Báo cáo"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Yêu cầu thiếu phiên bản của biên bản.")));
        mvc.perform(post(itemUrl).session(taker).with(csrf()).param("text", "Chi ủy báo cáo")
                        .param("speakers", "x".repeat(20_001)).param("version", Integer.toString(drafted.version())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(
                        "Phần ý kiến phát biểu không được dài quá 20.000 ký tự.")))
                .andExpect(content().string(containsString("id=\"item-2-speakers\" name=\"speakers\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\" aria-describedby=\"item-2-speakers-error\"")))
                .andExpect(content().string(containsString(">Chi ủy báo cáo</textarea>")));
        assertThat(book.of(village.meeting()).orElseThrow()).isEqualTo(drafted);

        mvc.perform(post(itemUrl).session(taker).with(csrf()).param("text", "Chi ủy báo cáo kết quả tháng.")
                        .param("speakers", "Đồng chí Lê Văn Ân: nhất trí.").param("conclusion", "Giao chi ủy.")
                        .param("attendance", "- Có mặt: 36 đồng chí")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(minutesUrl + "#minutes-item-2"));
        Minutes edited = book.of(village.meeting()).orElseThrow();
        assertThat(edited.narrative().item(2)).get()
                .extracting(MinutesItem::content, MinutesItem::speakers, MinutesItem::conclusion)
                .containsExactly("Chi ủy báo cáo kết quả tháng.", "Đồng chí Lê Văn Ân: nhất trí.", "Giao chi ủy.");
        assertThat(edited.facts()).isEqualTo(drafted.facts());

        mvc.perform(post(minutesUrl + "/parts/guests").session(chair).with(csrf()).param("text", "Đồng chí Bình")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Biên bản vừa được người khác thay đổi nên chưa lưu được.")))
                .andExpect(content().string(containsString(">Đồng chí Bình</textarea>")))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + edited.version() + "\"")));
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
                .andExpect(content().string(not(containsString("/minutes/parts/"))))
                .andExpect(content().string(containsString("/minutes/corrections")));
        mvc.perform(post(itemUrl).session(taker).with(csrf()).param("text", "Sửa sau khi duyệt")
                        .param("version", Integer.toString(edited.version() + 2)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Biên bản đã được duyệt nên không thể sửa.")));
        assertThat(book.of(village.meeting()).orElseThrow().narrative().item(2).orElseThrow().content())
                .isEqualTo("Chi ủy báo cáo kết quả tháng.");
    }

    @Test
    void pageExplainsSignatoryWithoutAccount() throws Exception {
        var commune = fixtures.commune();
        MemberId chairMember = fixtures.member(commune.cell(), "Lê Thị Cúc", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        MemberId takerMember = fixtures.member(commune.cell(), "Phạm Văn Cường", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor chair = fixtures.account(commune.cell(), chairMember, Role.MEMBER, Role.CELL_SECRETARY);
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId id = meetingManagement.schedule(chair, commune.cell().id(), new MeetingDetails(MeetingKind.REGULAR,
                MeetingMode.IN_PERSON, "Sinh hoạt tháng", start, start.plus(Duration.ofHours(2)), "Nhà văn hóa",
                null, chairMember, takerMember, List.of(new AgendaItem("Khai mạc", null))));
        meetingManagement.publish(chair, id);
        meetingManagement.start(chair, id);
        meetingManagement.close(chair, id);
        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(id).isPresent());
        Minutes drafted = book.of(id).orElseThrow();
        MockHttpSession session = SignIn.as(mvc, chair);
        String minutesUrl = "/meetings/" + id.value() + "/minutes";

        mvc.perform(get(minutesUrl).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đồng chí Phạm Văn Cường (thư ký) chưa có tài khoản nên "
                        + "chưa thể duyệt biên bản.")))
                .andExpect(content().string(not(containsString("(chủ trì) chưa có tài khoản"))))
                .andExpect(content().string(containsString("Đồng chí đang ghi biên bản thay thư ký cuộc họp.")))
                .andExpect(content().string(containsString("action=\"" + minutesUrl + "/parts/item-1\"")));

        mvc.perform(post(minutesUrl + "/parts/item-1").session(session).with(csrf()).param("text", "Khai mạc")
                        .param("conclusion", "Thống nhất").param("version", Integer.toString(drafted.version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(minutesUrl + "/approval").session(session).with(csrf())
                        .param("version", Integer.toString(drafted.version() + 1)))
                .andExpect(status().is3xxRedirection());

        Minutes approvedByChair = book.of(id).orElseThrow();
        assertThat(approvedByChair.status()).isEqualTo(MinutesStatus.DRAFT);
        assertThat(approvedByChair.chairApprovedAt()).isNotNull();
        mvc.perform(get(minutesUrl).session(session))
                .andExpect(content().string(containsString("Đồng chí Phạm Văn Cường (thư ký) chưa có tài khoản")))
                .andExpect(content().string(containsString("Sửa lần cuối lúc ")))
                .andExpect(content().string(containsString("bằng tài khoản " + chair.displayName() + ".")));
        assertThat(audit.entriesFor("minutes", drafted.id())).filteredOn(entry -> entry.action().equals(
                "minutes.edited")).singleElement().satisfies(entry -> {
                    assertThat(entry.actorAccountId()).isEqualTo(chair.accountId().value());
                    assertThat(entry.detail()).contains("part=item-1", "editor=CELL_RUNNER");
                });
    }

    @Test
    void unreadableNumbersAnswer400() throws Exception {
        Village village = closedMeetings.closedMeeting();
        Minutes drafted = book.of(village.meeting()).orElseThrow();
        MockHttpSession taker = SignIn.as(mvc, village.minuteTaker());
        String minutesUrl = "/meetings/" + village.meeting().value() + "/minutes";

        for (String version : List.of("abc", "99999999999", "1.5")) {
            for (String path : List.of("/parts/guests", "/parts/item-1", "/approval")) {
                mvc.perform(post(minutesUrl + path).session(taker).with(csrf()).param("text", "Khách mời")
                                .param("version", version))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().string(containsString("Yêu cầu không hợp lệ.")));
            }
        }
        mvc.perform(post(minutesUrl + "/parts/item-99999999999").session(taker).with(csrf()).param("text", "x")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/meetings/abc/minutes/parts/guests").session(taker).with(csrf()).param("text", "x")
                        .param("version", Integer.toString(drafted.version())))
                .andExpect(status().isNotFound());
        assertThat(book.of(village.meeting()).orElseThrow()).isEqualTo(drafted);
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
        writeSecondItem(village);
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));
        Map<String, String> figures = resultPageFigures(village, member);

        // Members read only approved minutes, so the draft is read as its minute taker.
        MockHttpSession taker = SignIn.as(mvc, village.minuteTaker());
        byte[] pdf = mvc.perform(get("/meetings/{id}/minutes.pdf", village.meeting().value()).session(taker))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("ĐẢNG BỘ XÃ MINH AN", "CHI BỘ THÔN HÒA BÌNH 3", "ĐẢNG CỘNG SẢN VIỆT NAM",
                    "BIÊN BẢN", "SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG", "Minh An, ngày ");
            assertThat(text).contains("+ Đồng chí Võ Văn Hùng.", "+ Đồng chí Dương Thị Thu.")
                    .doesNotContain(VillageMeetings.EXCUSE);
            // Sorted by position the text is in reading order, but justified lines gain stray spaces.
            var inReadingOrder = new PDFTextStripper();
            inReadingOrder.setSortByPosition(true);
            assertThat(withoutSpaces(inReadingOrder.getText(document))).containsSubsequence(Stream.of(
                    "I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC", "- Chủ trì: ", "- Thư ký: ",
                    "- Khách mời: ", "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP", "IV. NỘI DUNG SINH HOẠT",
                    "2. Kiểm điểm nhiệm vụ tháng", "- Nội dung: " + CONTENT, "- Ý kiến phát biểu: " + SPEAKER,
                    "- Kết luận của đồng chí chủ trì: ", "3. Biểu quyết Nghị quyết tháng", "V. KẾT QUẢ BIỂU QUYẾT",
                    "- Kết quả: được thông qua.", "Cuộc họp kết thúc lúc ", "THƯ KÝ", "CHỦ TRÌ")
                    .map(MinutesWebTests::withoutSpaces).toList());
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
        writeSecondItem(village);
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));
        Map<String, String> figures = resultPageFigures(village, member);

        // Members read only approved minutes, so the draft is read as its minute taker.
        MockHttpSession taker = SignIn.as(mvc, village.minuteTaker());
        byte[] docx = mvc.perform(get("/meetings/{id}/minutes.docx", village.meeting().value()).session(taker))
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
            assertThat(lines).contains("+ Đồng chí Võ Văn Hùng.", "+ Đồng chí Dương Thị Thu.",
                    "- Kết quả: được thông qua.", "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP");
            assertThat(lines).noneMatch(line -> line.contains(VillageMeetings.EXCUSE));
            assertThat(lines).containsSubsequence("- Khách mời: ........................................",
                    "III. TÌNH HÌNH ĐẢNG VIÊN DỰ HỌP", "2. Kiểm điểm nhiệm vụ tháng", "Báo cáo của chi ủy",
                    "- Nội dung: " + CONTENT, "- Ý kiến phát biểu:", SPEAKER, "V. KẾT QUẢ BIỂU QUYẾT");
            XWPFParagraph item = paragraphs.stream().filter(each -> each.getText().equals("2. Kiểm điểm nhiệm vụ tháng"))
                    .findFirst().orElseThrow();
            assertThat(item.getRuns().getFirst().isBold()).isTrue();
            figures.forEach((figure, value) -> assertThat(lines).as(figure)
                    .contains("- " + MINUTES_LABELS.get(figure) + ": " + value));
        }
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Writes the content and one speaker of the village meeting's second agenda item as its minute taker. */
    private void writeSecondItem(Village village) {
        management.edit(village.minuteTaker(), village.meeting(), new NarrativeEdit(NarrativePart.agendaItem(2),
                CONTENT, SPEAKER, null), book.of(village.meeting()).orElseThrow().version());
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
