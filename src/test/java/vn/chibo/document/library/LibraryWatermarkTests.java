package vn.chibo.document.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.library.LibraryTree.Tree;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The copies that readers get, read back with PDFBox. An internal document carries the reader's name,
 * party card number (the account name for a reader with no member record) and the time of the access on
 * its pages. A public one is served as stored.
 */
@SqlTest
@AutoConfigureMockMvc
class LibraryWatermarkTests {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    MockMvc mvc;

    @Autowired
    LibraryTree trees;

    @Autowired
    Distributions distributions;

    @Autowired
    Members members;

    @Autowired
    ApiSignIn api;

    @Autowired
    Clock clock;

    @Test
    void internalPdfCarriesReaderAndTime() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = issuedToCell(tree, "tai-lieu-chuyen-de-quy-iv.pdf", Classification.INTERNAL);
        Instant before = clock.instant();

        byte[] pdf = mvc.perform(get("/documents/{id}/file", id.value()).session(SignIn.as(mvc, tree.member())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();

        String text = textOf(pdf);
        assertThat(text).contains("Phạm Thị Ánh", cardOf(tree.member()));
        assertThat(List.of(TIME.format(before), TIME.format(clock.instant()))).anyMatch(text::contains);
    }

    @Test
    void watermarkedCopyLeavesNoTemporaryFile() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = issuedToCell(tree, "tai-lieu-chuyen-de-quy-iv.pdf", Classification.INTERNAL);

        byte[] pdf = mvc.perform(get("/documents/{id}/download", id.value()).session(SignIn.as(mvc, tree.member())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(textOf(pdf)).contains("Phạm Thị Ánh");
        try (var left = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("chibo-watermarked-"));
        }
    }

    @Test
    void apiCopyIsWatermarkedToo() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = issuedToCell(tree, "du-thao-nghi-quyet-thang-12.pdf", Classification.INTERNAL);

        byte[] pdf = mvc.perform(get("/api/v1/documents/{id}/file", id.value()).with(api.as(tree.member())))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(textOf(pdf)).contains("Phạm Thị Ánh", cardOf(tree.member()));
    }

    @Test
    void internalDocxServedAsWatermarkedPdf() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = issuedToCell(tree, "du-thao-nghi-quyet-thang-12.docx", Classification.INTERNAL);

        byte[] pdf = mvc.perform(get("/documents/{id}/download", id.value()).session(SignIn.as(mvc, tree.member())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString(".pdf")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(textOf(pdf)).contains("Phạm Thị Ánh", cardOf(tree.member()));
    }

    @Test
    void readerWithoutMemberRecordIsNamedByAccount() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = issuedToCell(tree, "du-thao-nghi-quyet-thang-12.pdf", Classification.INTERNAL);

        byte[] pdf = mvc.perform(get("/documents/{id}/file", id.value()).session(SignIn.as(mvc, tree.officer())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(textOf(pdf)).contains(tree.officer().username(), tree.officer().displayName());
    }

    @Test
    void publicPdfIsServedAsStored() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = issuedToCell(tree, "du-thao-nghi-quyet-thang-12.pdf", Classification.PUBLIC);

        byte[] pdf = mvc.perform(get("/documents/{id}/file", id.value()).session(SignIn.as(mvc, tree.member())))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("private")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(pdf).isEqualTo(SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf"));
    }

    private LibraryDocumentId issuedToCell(Tree tree, String sample, Classification classification) {
        LibraryDocumentId id = trees.upload(tree.officer(), tree.commune().id(), sample, classification);
        distributions.issue(tree.officer(), id, List.of(tree.cell().id()), false, false);
        return id;
    }

    private String cardOf(Actor reader) {
        String card = members.get(MemberId.of(reader.memberId())).partyCardNumber();
        assertThat(card).isNotBlank();
        return card;
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
