package vn.chibo.minutes;

import java.io.ByteArrayInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.LibreOffice;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

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

/** Minutes versions and resolutions through the pages and the JSON API, and their exports as read by real readers. */
@SqlTest
@AutoConfigureMockMvc
class MinutesApiAndPagesTests {

    private static final String REASON = "Bổ sung kết luận của mục 2.";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiSignIn api;

    @Autowired
    ClosedVillageMeetings closedMeetings;

    @Autowired
    VillageMeetings villages;

    @Autowired
    MinutesBook book;

    @Autowired
    MinutesManagement management;

    @Autowired
    Resolutions resolutions;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void apiListsApprovedVersionsToMembers() throws Exception {
        Village village = closedMeetings.closedMeeting();
        Actor member = villages.accountOf(village, "Phạm Thị Ánh");
        long meetingId = village.meeting().value();

        JsonNode draftAsMember = read(mvc.perform(get("/api/v1/meetings/{id}/minutes", meetingId)
                .with(api.as(member))).andExpect(status().isOk()).andReturn());
        JsonNode draftAsSecretary = read(mvc.perform(get("/api/v1/meetings/{id}/minutes", meetingId)
                .with(api.as(village.secretary()))).andExpect(status().isOk()).andReturn());
        assertThat(draftAsMember.get("versions").size()).isZero();
        assertThat(draftAsMember.get("currentVersionNo").isNull()).isTrue();
        assertThat(draftAsMember.get("pdf").isNull()).isTrue();
        assertThat(draftAsMember.get("resolution").isNull()).isTrue();
        assertThat(draftAsSecretary.get("versions").get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(draftAsSecretary.get("resolution").get("status").asString()).isEqualTo("DRAFT");
        mvc.perform(get("/api/v1/meetings/{id}/minutes.pdf", meetingId).with(api.as(member)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/meetings/{id}/minutes/versions/1.pdf", meetingId).with(api.as(member)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/meetings/{id}/minutes/versions/1.pdf", meetingId)
                        .with(api.as(village.minuteTaker())))
                .andExpect(status().isOk());

        approveLatest(village);
        management.startCorrection(village.secretary(), village.meeting(), REASON);

        JsonNode approved = read(mvc.perform(get("/api/v1/meetings/{id}/minutes", meetingId).with(api.as(member)))
                .andExpect(status().isOk()).andReturn());
        assertThat(approved.get("currentVersionNo").asInt()).isEqualTo(1);
        assertThat(approved.get("pdf").asString()).isEqualTo("/api/v1/meetings/" + meetingId + "/minutes.pdf");
        assertThat(approved.get("versions").size()).isEqualTo(1);
        assertThat(approved.get("versions").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("versions").get(0).get("chairApprovedAt").isNull()).isFalse();
        JsonNode asSecretary = read(mvc.perform(get("/api/v1/meetings/{id}/minutes", meetingId)
                .with(api.as(village.secretary()))).andExpect(status().isOk()).andReturn());
        assertThat(asSecretary.get("currentVersionNo").asInt()).isEqualTo(1);
        assertThat(asSecretary.get("versions").get(1).get("versionNo").asInt()).isEqualTo(2);
        assertThat(asSecretary.get("versions").get(1).get("correctionReason").asString()).isEqualTo(REASON);
        assertThat(asSecretary.get("versions").get(1).get("pdf").asString())
                .isEqualTo("/api/v1/meetings/" + meetingId + "/minutes/versions/2.pdf");

        byte[] pdf = mvc.perform(get("/api/v1/meetings/{id}/minutes.pdf", meetingId).with(api.as(member)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(pdf)).contains("BIÊN BẢN", "CHI BỘ THÔN HÒA BÌNH 3", VillageMeetings.MINUTE_TAKER)
                .doesNotContain("Dự thảo");
    }

    @Test
    void correctionThroughPages() throws Exception {
        Village village = closedMeetings.closedMeeting();
        approveLatest(village);
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));
        String minutesUrl = "/meetings/" + village.meeting().value() + "/minutes";

        mvc.perform(post(minutesUrl + "/corrections").session(secretary).with(csrf()).param("reason", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Xin ghi lý do sửa biên bản.")));
        mvc.perform(post(minutesUrl + "/corrections").session(member).with(csrf()).param("reason", REASON))
                .andExpect(status().isForbidden());
        mvc.perform(post(minutesUrl + "/corrections").session(secretary).with(csrf()).param("reason", REASON))
                .andExpect(redirectedUrl(minutesUrl));

        mvc.perform(get(minutesUrl).session(secretary))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lần 2")))
                .andExpect(content().string(containsString("Lý do sửa: " + REASON)))
                .andExpect(content().string(containsString(minutesUrl + "/versions/1")))
                .andExpect(content().string(containsString("/minutes/parts/")));
        mvc.perform(get(minutesUrl).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lần 1")))
                .andExpect(content().string(not(containsString(REASON))))
                .andExpect(content().string(not(containsString("/minutes/parts/"))));
        mvc.perform(get(minutesUrl + "/versions/1").session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(minutesUrl + "/versions/1.pdf")))
                .andExpect(content().string(not(containsString("<textarea"))));
        mvc.perform(get(minutesUrl + "/versions/2").session(member)).andExpect(status().isNotFound());
        mvc.perform(get(minutesUrl + "/versions/2.pdf").session(member)).andExpect(status().isNotFound());
        mvc.perform(get(minutesUrl + "/versions/x").session(member)).andExpect(status().isNotFound());
        byte[] second = mvc.perform(get(minutesUrl + "/versions/2.pdf").session(secretary))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("lan-2.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(second)).contains("(Dự thảo, chưa được duyệt)");
        mvc.perform(get(minutesUrl + "/versions/2.docx").session(secretary)).andExpect(status().isOk());
    }

    @Test
    void resolutionIssuedAndListed() throws Exception {
        Village village = closedMeetings.closedMeeting();
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());
        MockHttpSession member = SignIn.as(mvc, villages.accountOf(village, "Phạm Thị Ánh"));
        long meetingId = village.meeting().value();
        String url = "/meetings/" + meetingId + "/resolution";
        long cellId = village.commune().cell().id().value();

        mvc.perform(get(url).session(member)).andExpect(status().isNotFound());
        mvc.perform(get(url).session(secretary))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1. " + ClosedVillageMeetings.RESOLUTION)))
                .andExpect(content().string(containsString("Số ...-NQ/CB")));
        int version = resolutions.of(village.meeting()).orElseThrow().version();
        mvc.perform(post(url).session(secretary).with(csrf()).param("decisions", "")
                        .param("version", Integer.toString(version)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(url).session(secretary).with(csrf())
                        .param("decisions", "CHI BỘ QUYẾT NGHỊ:\n1. Làm đường liên thôn Hòa Bình 3.")
                        .param("version", Integer.toString(version)))
                .andExpect(redirectedUrl(url));
        mvc.perform(post(url + "/issue").session(member).with(csrf()).param("version", Integer.toString(version + 1)))
                .andExpect(status().isNotFound());
        mvc.perform(post(url + "/issue").session(secretary).with(csrf()).param("version", Integer.toString(version + 1)))
                .andExpect(redirectedUrl(url));

        mvc.perform(get("/cells/{id}/resolutions", cellId).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Số 01-NQ/CB")))
                .andExpect(content().string(containsString(url + ".pdf")));
        JsonNode list = read(mvc.perform(get("/api/v1/cells/{id}/resolutions", cellId)
                .with(api.as(villages.accountOf(village, "Phạm Thị Ánh")))).andExpect(status().isOk()).andReturn());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("number").asString()).isEqualTo("01-NQ/CB");
        assertThat(list.get(0).get("status").asString()).isEqualTo("ISSUED");
        assertThat(list.get(0).get("pdf").asString()).isEqualTo("/api/v1/meetings/" + meetingId + "/resolution.pdf");

        byte[] pdf = mvc.perform(get("/api/v1/meetings/{id}/resolution.pdf", meetingId)
                        .with(api.as(villages.accountOf(village, "Phạm Thị Ánh"))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(pdf)).contains("ĐẢNG BỘ XÃ MINH AN", "CHI BỘ THÔN HÒA BÌNH 3", "Số 01-NQ/CB",
                "ĐẢNG CỘNG SẢN VIỆT NAM", "NGHỊ QUYẾT", "1. Làm đường liên thôn Hòa Bình 3.", "T/M CHI BỘ",
                VillageMeetings.SECRETARY).doesNotContain("Dự thảo");

        byte[] docx = mvc.perform(get(url + ".docx").session(member))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getTables().getFirst().getRow(0).getCell(0).getText()).contains("Số 01-NQ/CB");
        }
        String converted = pdfText(LibreOffice.toPdf(docx, "nghi-quyet.docx"));
        assertThat(converted).contains("NGHỊ QUYẾT", "Số 01-NQ/CB", "1. Làm đường liên thôn Hòa Bình 3.",
                VillageMeetings.SECRETARY);
    }

    private void approveLatest(Village village) {
        management.approve(village.minuteTaker(), village.meeting(), book.of(village.meeting()).orElseThrow().version());
        management.approve(village.secretary(), village.meeting(), book.of(village.meeting()).orElseThrow().version());
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
