package vn.chibo.meeting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.MeetingDocument;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingId;
import vn.chibo.system.FlashMessage;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class MeetingDocumentTests {

    private static final String DRAFT_RESOLUTION = "du-thao-nghi-quyet-thang-12.pdf";

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingDocuments documents;

    @Autowired
    AuditLog audit;

    Village village;
    MockHttpSession secretary;

    @BeforeEach
    void village() throws Exception {
        village = fixtures.village();
        secretary = SignIn.as(mvc, village.secretary());
    }

    @Test
    void downloadIsTheReadersWatermarkedCopy() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        byte[] pdf = sample(DRAFT_RESOLUTION);

        upload(id, DRAFT_RESOLUTION, pdf).andExpect(status().is3xxRedirection());

        MeetingDocument document = documents.of(id).getFirst();
        assertThat(document.file().fileName()).isEqualTo(DRAFT_RESOLUTION);
        assertThat(document.file().contentType()).isEqualTo("application/pdf");
        MockHttpSession member = SignIn.as(mvc, village.member());
        assertThat(mvc.perform(get("/meetings/{id}", id.value()).session(member)).andReturn().getResponse()
                .getContentAsString()).contains("/meetings/" + id + "/documents/" + document.id() + "\"");

        MvcResult download = mvc.perform(get("/meetings/{id}/documents/{doc}", id.value(), document.id().value())
                        .session(member))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains("filename*=UTF-8''du-thao-nghi-quyet-thang-12.pdf");
        byte[] copy = download.getResponse().getContentAsByteArray();
        try (var original = Loader.loadPDF(pdf); var served = Loader.loadPDF(copy)) {
            assertThat(served.getNumberOfPages()).isEqualTo(original.getNumberOfPages());
            String text = new PDFTextStripper().getText(served);
            assertThat(text).contains("NGHỊ QUYẾT", "Lưu hành nội bộ · Bản của ");
            assertThat(text.split("Lưu hành nội bộ · Bản của ", -1)).hasSize(original.getNumberOfPages() + 1);
        }
        assertThat(audit.entriesFor("meeting", id.value())).extracting(AuditEntry::action)
                .contains("meeting.document.attached", "meeting.document.downloaded");
    }

    /**
     * A DOCX among the meeting papers reaches readers as a PDF copy with their watermark on every
     * page, as library documents do. The page lists that copy.
     */
    @Test
    void docxServedAsStampedPdf() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        String docx = "du-thao-nghi-quyet-thang-12.docx";

        upload(id, docx, sample(docx)).andExpect(status().is3xxRedirection());

        MeetingDocument document = documents.of(id).getFirst();
        assertThat(document.file().fileName()).isEqualTo(docx);
        assertThat(document.served().fileName()).isEqualTo("du-thao-nghi-quyet-thang-12.pdf");
        assertThat(document.served().contentType()).isEqualTo("application/pdf");
        MockHttpSession member = SignIn.as(mvc, village.member());
        mvc.perform(get("/meetings/{id}", id.value()).session(member))
                .andExpect(content().string(containsString(">du-thao-nghi-quyet-thang-12.pdf</a>")));
        MvcResult download = mvc.perform(get("/meetings/{id}/documents/{doc}", id.value(), document.id().value())
                        .session(member))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .contains("filename*=UTF-8''du-thao-nghi-quyet-thang-12.pdf");
        try (var served = Loader.loadPDF(download.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(served);
            assertThat(text).containsIgnoringCase("nghị quyết");
            assertThat(text.split("Lưu hành nội bộ · Bản của ", -1)).hasSize(served.getNumberOfPages() + 1);
        }
        assertThat(audit.entriesFor("meeting", id.value())).filteredOn(entry -> entry.action()
                .equals("meeting.document.attached")).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("format=DOCX", " pdf="));
    }

    /**
     * An XLS, which the inspector does not read, is copied by LibreOffice (it needs /usr/bin/soffice, as
     * PdfRenditionsTests does); the copy is inspected and served stamped.
     */
    @Test
    void xlsServedAsStampedPdf() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        byte[] xls;
        try (var workbook = new HSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            workbook.createSheet("Danh sách").createRow(0).createCell(0).setCellValue("Kế hoạch học tập quý IV");
            workbook.write(out);
            xls = out.toByteArray();
        }

        upload(id, "ke-hoach.xls", xls).andExpect(status().is3xxRedirection());

        MeetingDocument document = documents.of(id).getFirst();
        MvcResult download = mvc.perform(get("/meetings/{id}/documents/{doc}", id.value(), document.id().value())
                        .session(SignIn.as(mvc, village.member())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("ke-hoach.pdf");
        try (var served = Loader.loadPDF(download.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(served)).contains("Kế hoạch học tập quý IV",
                    "Lưu hành nội bộ · Bản của ");
        }
    }

    /** The page's script names a file over the limit before it is sent (LibraryJourneyTests runs that script). */
    @Test
    void uploadFieldCarriesTheLimit() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));

        String page = mvc.perform(get("/meetings/{id}", id.value()).session(secretary)).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("data-max-bytes=\"" + 20L * 1024 * 1024 + "\"")
                .contains("data-too-large=\"Tệp &quot;{0}&quot; quá lớn: tối đa 20 MB. Xin nén hoặc chia nhỏ tệp.\"");
    }

    @Test
    void vietnameseFileNameIsEncoded() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        upload(id, "C:\\Tài liệu\\Dự thảo nghị quyết.pdf", sample(DRAFT_RESOLUTION))
                .andExpect(status().is3xxRedirection());

        MeetingDocument document = documents.of(id).getFirst();
        assertThat(document.file().fileName()).isEqualTo("Dự thảo nghị quyết.pdf");
        mvc.perform(get("/meetings/{id}/documents/{doc}", id.value(), document.id().value()).session(secretary))
                .andExpect(header().string("Content-Disposition",
                        containsString(
                                "filename*=UTF-8''D%E1%BB%B1%20th%E1%BA%A3o%20ngh%E1%BB%8B%20quy%E1%BA%BFt.pdf")));
    }

    @Test
    void hostileFileNameIsStoredSafely() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        upload(id, "../../con\r\nX-Injected: 1\u202E.pdf", sample(DRAFT_RESOLUTION))
                .andExpect(status().is3xxRedirection());

        MeetingDocument document = documents.of(id).getFirst();
        assertThat(document.file().fileName()).isEqualTo("con X-Injected_ 1.pdf");
        String disposition = mvc.perform(get("/meetings/{id}/documents/{doc}", id.value(), document.id().value())
                        .session(secretary))
                .andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(disposition).contains("filename*=UTF-8''con%20X-Injected_%201.pdf");
        assertThat(disposition).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void reservedDeviceNameGetsPrefix() throws Exception {
        MeetingId id = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        upload(id, "CON.pdf", sample(DRAFT_RESOLUTION)).andExpect(status().is3xxRedirection());

        assertThat(documents.of(id).getFirst().file().fileName()).isEqualTo("_CON.pdf");
    }

    @Test
    void wordDocumentIsAccepted() throws Exception {
        MeetingId id = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));

        upload(id, "du-thao-nghi-quyet-thang-12.docx", sample("du-thao-nghi-quyet-thang-12.docx"))
                .andExpect(status().is3xxRedirection());

        assertThat(documents.of(id)).extracting(document -> document.file().contentType())
                .containsExactly("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void renamedFileIsRejected() throws Exception {
        MeetingId id = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));

        MvcResult result = upload(id, "bien-ban.pdf", sample("du-thao-nghi-quyet-thang-12.docx"))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        FlashMessage error = (FlashMessage) result.getFlashMap().get("documentError");
        assertThat(error.key()).isEqualTo("meeting.document.error.mismatch");
        assertThat(documents.of(id)).isEmpty();
        String page = mvc.perform(get("/meetings/{id}", id.value()).session(secretary).flashAttrs(result.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"file-error\"", "không phải tệp PDF thật");
    }

    @Test
    void documentStampedSecretIsRejected() throws Exception {
        MeetingId id = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));

        MvcResult result = upload(id, "van-ban-mat.pdf", sample("van-ban-mat.pdf")).andReturn();

        FlashMessage error = (FlashMessage) result.getFlashMap().get("documentError");
        assertThat(error.key()).isEqualTo("document.refused.secret");
        assertThat(documents.of(id)).isEmpty();
        String page = mvc.perform(get("/meetings/{id}", id.value()).session(secretary).flashAttrs(result.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Luật Bảo vệ bí mật nhà nước");
    }

    @Test
    void unsupportedAndEmptyFilesAreRejected() throws Exception {
        MeetingId id = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));

        MvcResult program = upload(id, "cai-dat.exe", new byte[] { 'M', 'Z', 0, 0 }).andReturn();
        MvcResult empty = upload(id, "trong.pdf", new byte[0]).andReturn();
        MvcResult none = mvc.perform(multipart("/meetings/{id}/documents", id.value()).session(secretary).with(csrf()))
                .andReturn();

        assertThat(((FlashMessage) program.getFlashMap().get("documentError")).key())
                .isEqualTo("meeting.document.error.unsupported");
        assertThat(((FlashMessage) empty.getFlashMap().get("documentError")).key())
                .isEqualTo("meeting.document.error.empty");
        assertThat(((FlashMessage) none.getFlashMap().get("documentError")).key())
                .isEqualTo("meeting.document.error.missing");
        assertThat(documents.of(id)).isEmpty();
    }

    @Test
    void documentsAreHiddenFromOthers() throws Exception {
        MeetingId draft = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));
        upload(draft, DRAFT_RESOLUTION, sample(DRAFT_RESOLUTION)).andExpect(status().is3xxRedirection());
        long documentId = documents.of(draft).getFirst().id().value();
        MockHttpSession member = SignIn.as(mvc, village.member());
        MockHttpSession outsider = SignIn.as(mvc, village.outsider());

        mvc.perform(get("/meetings/{id}/documents/{doc}", draft.value(), documentId).session(member))
                .andExpect(status().isNotFound());
        mvc.perform(get("/meetings/{id}/documents/{doc}", draft.value(), documentId).session(outsider))
                .andExpect(status().isNotFound());
        MeetingId other = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        mvc.perform(get("/meetings/{id}/documents/{doc}", other.value(), documentId).session(secretary))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/meetings/{id}/documents", other.value())
                        .file(new MockMultipartFile("file", DRAFT_RESOLUTION, "application/pdf", sample(DRAFT_RESOLUTION)))
                        .session(member).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void removedDocumentLeavesList() throws Exception {
        MeetingId id = fixtures.draft(village, Instant.now().plus(Duration.ofDays(3)));
        upload(id, DRAFT_RESOLUTION, sample(DRAFT_RESOLUTION)).andExpect(status().is3xxRedirection());
        long documentId = documents.of(id).getFirst().id().value();

        mvc.perform(post("/meetings/{id}/documents/{doc}/remove", id.value(), documentId).session(secretary)
                .with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(documents.of(id)).isEmpty();
        mvc.perform(get("/meetings/{id}/documents/{doc}", id.value(), documentId).session(secretary))
                .andExpect(status().isNotFound());
        assertThat(audit.entriesFor("meeting", id.value())).extracting(AuditEntry::action)
                .contains("meeting.document.removed");
    }

    private ResultActions upload(MeetingId id, String name, byte[] content)
            throws Exception {
        return mvc.perform(multipart("/meetings/{id}/documents", id.value())
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .session(secretary)
                .with(csrf()));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = MeetingDocumentTests.class.getResourceAsStream("/documents/" + name)) {
            return in.readAllBytes();
        }
    }
}
