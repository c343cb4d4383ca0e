package vn.chibo.document.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.document.library.LibraryTree.Tree;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.ChiboProperties;
import vn.chibo.system.FlashMessage;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SampleFiles;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The library through its pages: upload, refusal, issuing, reading, receipts and the access log. */
@SqlTest
@AutoConfigureMockMvc
class LibraryWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LibraryTree trees;

    @Autowired
    Distributions distributions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChiboProperties properties;

    @Autowired
    LibraryDocuments documents;

    @Autowired
    ReadersReport readers;

    @Autowired
    ApiSignIn api;

    /**
     * A library longer than a page: the list, the page and the API show every document once, newest
     * first, page by page, with the filters kept in the links.
     */
    @Test
    void listsTheLibraryPageByPage() throws Exception {
        Tree tree = trees.build();
        List<LibraryDocumentId> uploaded = new ArrayList<>();
        for (int i = 0; i < LibraryDocuments.PAGE_SIZE + 1; i++) {
            uploaded.add(trees.upload(tree.secretary(), tree.cell().id(), "du-thao-nghi-quyet-thang-12.pdf",
                    Classification.PUBLIC));
        }
        List<LibraryDocumentId> newestFirst = uploaded.reversed();
        var none = LibraryDocuments.ListFilter.none();

        List<LibraryDocumentId> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            LibraryDocuments.ListPage<LibraryEntry> shown = documents.list(tree.member(), none, page, 10);
            assertThat(shown.total()).isEqualTo(31);
            assertThat(shown.pages()).isEqualTo(4);
            assertThat(shown.hasNext()).isEqualTo(page < 4);
            shown.entries().forEach(entry -> paged.add(entry.id()));
        }
        assertThat(paged).isEqualTo(newestFirst);
        assertThat(documents.list(tree.member(), none, 5, 10).entries()).isEmpty();
        assertThat(documents.list(tree.member(), new LibraryDocuments.ListFilter(DocumentKind.DIRECTIVE, null), 1, 10)
                .total()).isZero();

        MockHttpSession member = SignIn.as(mvc, tree.member());
        String first = mvc.perform(get("/documents").param("kind", "RESOLUTION").session(member))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Trang 1/2")
                .contains("href=\"/documents?kind=RESOLUTION&amp;page=2\"")
                .contains("/documents/" + newestFirst.get(29).value() + "\"")
                .doesNotContain("/documents/" + newestFirst.get(30).value() + "\"");
        for (String page : List.of("2", "9")) {
            String last = mvc.perform(get("/documents").param("page", page).session(member))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(last).contains("Trang 2/2").contains("/documents/" + newestFirst.get(30).value() + "\"")
                    .doesNotContain("/documents/" + newestFirst.get(29).value() + "\"");
        }

        RequestPostProcessor bearer = api.as(tree.member());
        mvc.perform(get("/api/v1/documents").with(bearer))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "31"))
                .andExpect(header().doesNotExist("Link"))
                .andExpect(jsonPath("$.length()").value(31))
                .andExpect(jsonPath("$[0].id").value(newestFirst.getFirst().value()));
        mvc.perform(get("/api/v1/documents").param("page", "3").param("kind", "RESOLUTION").with(bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0))
                .andExpect(header().string("Link", "</api/v1/documents?kind=RESOLUTION&page=1>; rel=\"prev\""));
        mvc.perform(get("/api/v1/documents").param("page", "0").with(bearer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Số trang phải là một số từ 1 trở lên."));
    }

    @Test
    void officerUploadsPdfIntoCommuneLibrary() throws Exception {
        Tree tree = trees.build();
        MockHttpSession officer = SignIn.as(mvc, tree.officer());

        MvcResult created = mvc.perform(upload("du-thao-nghi-quyet-thang-12.pdf", tree.commune().id(), "INTERNAL")
                        .session(officer))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/documents/");
        long id = Long.parseLong(location.substring("/documents/".length()));
        assertThat(jdbc.sql("select search_text from library_document where id = :id").param("id", id)
                .query(String.class).single()).contains("nghi quyet", "dang uy", "hoc tap", "15-nq/du");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'document.created' and target_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get(location).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nghị quyết về công tác xây dựng Đảng")))
                .andExpect(content().string(containsString("id=\"distribution\"")));
    }

    @Test
    void declaredSecretLevelLeavesNothing() throws Exception {
        Tree tree = trees.build();
        MockHttpSession officer = SignIn.as(mvc, tree.officer());
        long documents = count("library_document");
        long files = count("stored_file");
        long audits = count("audit_event");

        mvc.perform(upload("du-thao-nghi-quyet-thang-12.pdf", tree.commune().id(), "SECRET").session(officer))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(containsString("117/2025/QH15")));

        assertThat(count("library_document")).isEqualTo(documents);
        assertThat(count("stored_file")).isEqualTo(files);
        assertThat(count("audit_event")).isEqualTo(audits);
    }

    @Test
    void everySampleFileUploads() throws Exception {
        Tree tree = trees.build();
        MockHttpSession officer = SignIn.as(mvc, tree.officer());

        for (String sample : List.of("du-thao-nghi-quyet-thang-12.pdf", "du-thao-nghi-quyet-thang-12.docx",
                "tai-lieu-chuyen-de-quy-iv.pdf")) {
            mvc.perform(upload(sample, tree.commune().id(), "PUBLIC").session(officer))
                    .andExpect(status().is3xxRedirection());
        }

        assertThat(jdbc.sql("""
                select v.format from library_document_version v join library_document d on d.id = v.document_id
                where d.owner_id = :owner order by v.id
                """).param("owner", tree.commune().id().value()).query(String.class).list())
                .containsExactly("PDF", "DOCX", "PDF");
    }

    @Test
    void stampedSecretFileLeavesNothing() throws Exception {
        Tree tree = trees.build();
        MockHttpSession officer = SignIn.as(mvc, tree.officer());
        long documents = count("library_document");
        long files = count("stored_file");
        long audits = count("audit_event");
        long stored = filesInStore();

        mvc.perform(upload("van-ban-mat.pdf", tree.commune().id(), "INTERNAL").session(officer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("117/2025/QH15")));

        assertThat(count("library_document")).isEqualTo(documents);
        assertThat(count("stored_file")).isEqualTo(files);
        assertThat(count("audit_event")).isEqualTo(audits);
        assertThat(filesInStore()).isEqualTo(stored);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like '%van-ban-mat%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void missingStampConfirmationIsRefused() throws Exception {
        Tree tree = trees.build();
        MockHttpSession officer = SignIn.as(mvc, tree.officer());
        long documents = count("library_document");

        mvc.perform(multipart("/documents/new")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf",
                                SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf")))
                        .param("owner", Long.toString(tree.commune().id().value()))
                        .param("title", "Thử").param("kind", "RESOLUTION").param("classification", "PUBLIC")
                        .param("issuedOn", "31/02/2026")
                        .session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("noSecrecyStamp-error")))
                .andExpect(content().string(containsString("issuedOn-error")));

        assertThat(count("library_document")).isEqualTo(documents);
    }

    @Test
    void memberCannotUpload() throws Exception {
        Tree tree = trees.build();

        mvc.perform(get("/documents/new").session(SignIn.as(mvc, tree.member()))).andExpect(status().isForbidden());
        mvc.perform(upload("du-thao-nghi-quyet-thang-12.pdf", tree.commune().id(), "PUBLIC")
                        .session(SignIn.as(mvc, tree.secretary())))
                .andExpect(status().isForbidden());
    }

    @Test
    void issuedDocumentReachesCellMembers() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.officer(), tree.commune().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.PUBLIC);
        MockHttpSession officer = SignIn.as(mvc, tree.officer());
        MockHttpSession member = SignIn.as(mvc, tree.member());

        mvc.perform(post("/documents/{id}/distribution", id.value()).session(officer).with(csrf())
                        .param("organization", Long.toString(tree.cell().id().value())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"));

        mvc.perform(get("/documents").session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/documents/" + id.value() + "\"")))
                .andExpect(content().string(containsString("badge-red")));
        mvc.perform(get("/").session(member))
                .andExpect(content().string(containsString("id=\"new-documents\"")))
                .andExpect(content().string(containsString("/documents/" + id.value() + "\"")));
        mvc.perform(get("/documents/{id}", id.value()).session(SignIn.as(mvc, tree.siblingMember())))
                .andExpect(status().isNotFound());
    }

    @Test
    void issuingOutsideSubtreeIsRefused() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.officer(), tree.commune().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.PUBLIC);
        MockHttpSession officer = SignIn.as(mvc, tree.officer());

        for (OrganizationId outside : List.of(tree.foreignCell().id(), tree.district().id(), tree.commune().id(),
                OrganizationId.of(Long.MAX_VALUE))) {
            mvc.perform(post("/documents/{id}/distribution", id.value()).session(officer).with(csrf())
                            .param("organization", Long.toString(tree.cell().id().value()))
                            .param("organization", Long.toString(outside.value())))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attributeExists("flashError"));
        }

        assertThat(distributions.recipients(id)).isEmpty();
    }

    @Test
    void openingRecordsReceiptAndAccess() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.officer(), tree.commune().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.INTERNAL);
        distributions.issue(tree.officer(), id, List.of(tree.cell().id()), false, false);
        MockHttpSession member = SignIn.as(mvc, tree.member());

        mvc.perform(get("/documents/{id}/file", id.value()).session(member).with(request -> {
                    request.setRemoteAddr("203.0.113.7");
                    return request;
                }))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Cache-Control", containsString("private")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")));

        assertThat(jdbc.sql("select open_count from library_read where document_id = :id and member_id = :member")
                .param("id", id.value()).param("member", tree.member().memberId())
                .query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/documents").session(member))
                .andExpect(content().string(not(containsString("badge-red"))));

        String asOfficer = mvc.perform(get("/documents/{id}", id.value()).session(SignIn.as(mvc, tree.officer())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asOfficer).contains("203.0.113.7", tree.member().displayName())
                .contains("Nguyễn Văn Thắng", "Đặng Văn Ơn").doesNotContain(">Phạm Thị Ánh<");
        String asSecretary = mvc.perform(get("/documents/{id}", id.value()).session(SignIn.as(mvc, tree.secretary())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asSecretary).contains("id=\"readers\"").doesNotContain("id=\"access-log\"");
        String asMember = mvc.perform(get("/documents/{id}", id.value()).session(member))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asMember).doesNotContain("id=\"readers\"", "id=\"access-log\"", "id=\"distribution\"");
    }

    @Test
    void readersReportPerCell() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.officer(), tree.commune().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.PUBLIC);
        distributions.issue(tree.officer(), id, List.of(), true, false);
        mvc.perform(get("/documents/{id}/file", id.value()).session(SignIn.as(mvc, tree.member())))
                .andExpect(status().isOk());
        LibraryDocument asOfficer = documents.get(tree.officer(), id);

        List<ReadersReport.CellReaders> officerReport = readers.of(tree.officer(), asOfficer);
        List<ReadersReport.CellReaders> secretaryReport = readers.of(tree.secretary(),
                documents.get(tree.secretary(), id));
        List<ReadersReport.CellReaders> memberReport = readers.of(tree.member(), documents.get(tree.member(), id));

        assertThat(officerReport).extracting(ReadersReport.CellReaders::cellId)
                .containsExactlyInAnyOrder(tree.cell().id().value(), tree.siblingCell().id().value());
        assertThat(secretaryReport).singleElement().satisfies(cell -> {
            assertThat(cell.cellId()).isEqualTo(tree.cell().id().value());
            assertThat(cell.onRoster()).isEqualTo(3);
            assertThat(cell.read()).isEqualTo(1);
            assertThat(cell.notRead()).containsExactlyInAnyOrder(
                    new ReadersReport.Unread("Nguyễn Văn Thắng", false), new ReadersReport.Unread("Đặng Văn Ơn", true));
        });
        assertThat(memberReport).isEmpty();
    }

    @Test
    void withdrawnDocumentIsHidden() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.officer(), tree.commune().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.PUBLIC);
        distributions.issue(tree.officer(), id, List.of(tree.cell().id()), false, false);

        MockHttpSession officer = SignIn.as(mvc, tree.officer());

        mvc.perform(post("/documents/{id}/withdraw", id.value()).session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(((FlashMessage) result.getFlashMap().get(FlashMessage.ERROR)).key())
                        .isEqualTo("document.error.confirmWithdraw"));
        mvc.perform(get("/documents/{id}", id.value()).session(SignIn.as(mvc, tree.member())))
                .andExpect(status().isOk());

        mvc.perform(post("/documents/{id}/withdraw", id.value()).param("confirm", "yes").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/documents/{id}", id.value()).session(SignIn.as(mvc, tree.member())))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from library_document where id = :id and withdrawn_at is not null")
                .param("id", id.value()).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The managers of the library find a withdrawn document on its own list and page, and restore it;
     * readers and managers of other libraries get not-found for both, and 403 for the list.
     */
    @Test
    void managersFindAndRestoreWithdrawnDocuments() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.officer(), tree.commune().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.INTERNAL);
        distributions.issue(tree.officer(), id, List.of(tree.cell().id()), false, false);
        MockHttpSession officer = SignIn.as(mvc, tree.officer());
        MockHttpSession member = SignIn.as(mvc, tree.member());
        MockHttpSession cellSecretary = SignIn.as(mvc, tree.secretary());
        mvc.perform(post("/documents/{id}/withdraw", id.value()).param("confirm", "yes").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/documents/withdrawn").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/documents/" + id.value() + "\"")))
                .andExpect(content().string(containsString("Thu hồi lúc ")));
        mvc.perform(get("/documents/{id}", id.value()).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Văn bản này đã được thu hồi lúc ")))
                .andExpect(content().string(containsString("action=\"/documents/" + id.value() + "/restore\"")))
                .andExpect(content().string(containsString(tree.cell().name())));
        mvc.perform(post("/documents/{id}/purge", id.value()).session(officer).with(csrf()))
                .andExpect(result -> assertThat(((FlashMessage) result.getFlashMap().get(FlashMessage.ERROR)).key())
                        .isEqualTo("document.error.confirmPurge"));
        for (MockHttpSession other : List.of(member, cellSecretary)) {
            mvc.perform(get("/documents/{id}", id.value()).session(other)).andExpect(status().isNotFound());
            mvc.perform(post("/documents/{id}/restore", id.value()).session(other).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/documents/withdrawn").session(member)).andExpect(status().isForbidden());
        mvc.perform(get("/documents/withdrawn").session(cellSecretary))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/documents/" + id.value() + "\""))));

        mvc.perform(post("/documents/{id}/restore", id.value()).session(officer).with(csrf()))
                .andExpect(redirectedUrl("/documents/" + id.value()));

        mvc.perform(get("/documents/{id}", id.value()).session(member)).andExpect(status().isOk());
        mvc.perform(post("/documents/{id}/restore", id.value()).session(officer).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'document.restored' and target_id = :id")
                .param("id", id.value()).query(Long.class).single()).isEqualTo(1);
        assertThat(documents.withdrawn(List.of(tree.commune().id()), 1, 10).total()).isZero();
    }

    @Test
    void purgeDeletesEveryTraceButTheAuditEntry() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.officer(), tree.commune().id(), "du-thao-nghi-quyet-thang-12.docx",
                Classification.INTERNAL);
        distributions.issue(tree.officer(), id, List.of(tree.cell().id()), false, false);
        mvc.perform(get("/documents/{id}/file", id.value()).session(SignIn.as(mvc, tree.member())))
                .andExpect(status().isOk());
        List<Long> fileIds = jdbc.sql("""
                select stored_file_id from library_document_version where document_id = :id
                union select rendition_file_id from library_document_version where document_id = :id
                """).param("id", id.value()).query(Long.class).list();
        assertThat(fileIds).hasSize(2);
        List<String> keys = fileIds.stream().map(file -> jdbc.sql("select storage_key from stored_file where id = :id")
                .param("id", file).query(String.class).single()).toList();
        MockHttpSession officer = SignIn.as(mvc, tree.officer());

        mvc.perform(post("/documents/{id}/purge", id.value()).param("confirm", "yes")
                        .session(SignIn.as(mvc, tree.siblingMember())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/documents/{id}/purge", id.value()).session(officer).with(csrf()))
                .andExpect(result -> assertThat(((FlashMessage) result.getFlashMap().get(FlashMessage.ERROR)).key())
                        .isEqualTo("document.error.confirmPurge"));
        assertThat(count("library_document", "id", id.value())).isOne();

        mvc.perform(post("/documents/{id}/purge", id.value()).param("confirm", "yes").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/documents"));

        assertThat(count("library_document", "id", id.value())).isZero();
        for (String table : List.of("library_document_version", "library_access", "library_read",
                "library_distribution", "library_document_tag")) {
            assertThat(count(table, "document_id", id.value())).as(table).isZero();
        }
        for (Long file : fileIds) {
            assertThat(count("stored_file", "id", file)).isZero();
        }
        try (var stored = Files.walk(properties.files().root())) {
            assertThat(stored.map(path -> path.getFileName().toString())).doesNotContainAnyElementsOf(keys);
        }
        mvc.perform(get("/documents/{id}", id.value()).session(officer)).andExpect(status().isNotFound());
    }

    private long count(String table, String column, long value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :value")
                .param("value", value).query(Long.class).single();
    }

    @Test
    void storedFilesAreReadableByTheProductOnly() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.secretary(), tree.cell().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.INTERNAL);
        String key = jdbc.sql("""
                select f.storage_key from stored_file f join library_document_version v on v.stored_file_id = f.id
                where v.document_id = :id
                """).param("id", id.value()).query(String.class).single();

        try (Stream<Path> files = Files.walk(properties.files().root())) {
            Path stored = files.filter(path -> path.getFileName().toString().equals(key)).findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void newVersionBecomesCurrent() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId id = trees.upload(tree.secretary(), tree.cell().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.PUBLIC);
        MockHttpSession secretary = SignIn.as(mvc, tree.secretary());

        mvc.perform(multipart("/documents/{id}/versions/new", id.value())
                        .file(new MockMultipartFile("file", "tai-lieu.pdf", "application/pdf",
                                SampleFiles.document("tai-lieu-chuyen-de-quy-iv.pdf")))
                        .param("note", "Sửa lỗi chính tả")
                        .session(secretary).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/documents/{id}", id.value()).session(secretary))
                .andExpect(content().string(containsString("Sửa lỗi chính tả")));
        mvc.perform(get("/documents/{id}/download", id.value()).session(secretary))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("tai-lieu.pdf")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
    }

    /** Returns the filled upload form with the sample file, the stamp confirmed and a CSRF token. */
    static MockMultipartHttpServletRequestBuilder upload(String sample, OrganizationId owner, String classification) {
        MockMultipartHttpServletRequestBuilder request = multipart("/documents/new")
                .file(new MockMultipartFile("file", sample, "application/octet-stream", SampleFiles.document(sample)));
        request.param("owner", Long.toString(owner.value()))
                .param("title", "Nghị quyết về công tác xây dựng Đảng tháng 12")
                .param("number", "15-NQ/ĐU")
                .param("issuedOn", "01/12/2025")
                .param("issuingBody", "Đảng ủy xã")
                .param("kind", "RESOLUTION")
                .param("classification", classification)
                .param("summary", "Trích yếu thử.")
                .param("tags", "học tập, Đảng ủy")
                .param("noSecrecyStamp", "true")
                .with(csrf());
        return request;
    }

    /** Returns the number of regular files under the file store's root, whatever the stored_file rows contain. */
    private long filesInStore() throws IOException {
        Path root = properties.files().root();
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

}
