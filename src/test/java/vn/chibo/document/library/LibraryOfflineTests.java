package vn.chibo.document.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.document.Classification;
import vn.chibo.document.library.LibraryTree.Tree;
import vn.chibo.offline.OfflineContent;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

/**
 * Library documents in the offline app: which ones a reader keeps, and that saving a copy is logged as
 * an access of its own without counting as a read.
 */
@SqlTest
@AutoConfigureMockMvc
class LibraryOfflineTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LibraryTree trees;

    @Autowired
    Distributions distributions;

    @Autowired
    LibraryOfflineContent offline;

    @Autowired
    AccessLog accessLog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recipientsKeepIssuedDocumentsOthersNone() {
        Tree tree = trees.build();
        LibraryDocumentId issued = trees.upload(tree.officer(), tree.commune().id(), "tai-lieu-chuyen-de-quy-iv.pdf",
                Classification.INTERNAL);
        distributions.issue(tree.officer(), issued, List.of(tree.cell().id()), false, false);

        assertThat(offline.pathsFor(tree.member()))
                .containsExactly("/documents/" + issued.value(), "/documents/" + issued.value() + "/file?v=1");
        assertThat(offline.pathsFor(tree.siblingMember())).isEmpty();
        assertThat(offline.pathsFor(tree.foreignMember())).isEmpty();
        assertThat(offline.pathsFor(tree.admin())).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestDocuments() {
        Tree tree = trees.build();
        for (int n = 0; n <= LibraryOfflineContent.MAX_DOCUMENTS; n++) {
            trees.upload(tree.secretary(), tree.cell().id(), "du-thao-nghi-quyet-thang-12.pdf", Classification.PUBLIC);
        }

        assertThat(offline.pathsFor(tree.member())).hasSize(2 * LibraryOfflineContent.MAX_DOCUMENTS);
    }

    @Test
    void largeFileKeepsOnlyItsPage() {
        Tree tree = trees.build();
        LibraryDocumentId large = trees.upload(tree.secretary(), tree.cell().id(), "du-thao-nghi-quyet-thang-12.pdf",
                Classification.PUBLIC);
        jdbc.sql("""
                update stored_file set size_bytes = :size where id = (
                    select stored_file_id from library_document_version where document_id = :document)
                """)
                .param("size", OfflineContent.MAX_FILE_BYTES + 1)
                .param("document", large.value())
                .update();

        assertThat(offline.pathsFor(tree.member())).containsExactly("/documents/" + large.value());
    }

    @Test
    void savedCopyIsLoggedButNotRead() throws Exception {
        Tree tree = trees.build();
        LibraryDocumentId issued = trees.upload(tree.officer(), tree.commune().id(), "tai-lieu-chuyen-de-quy-iv.pdf",
                Classification.INTERNAL);
        distributions.issue(tree.officer(), issued, List.of(tree.cell().id()), false, false);
        MockHttpSession session = SignIn.as(mvc, tree.member());

        mvc.perform(get("/documents/{id}/file", issued.value()).session(session)
                        .header(OfflineContent.SAVE_HEADER, OfflineContent.SAVING))
                .andExpect(status().isOk());

        assertThat(readsOf(issued)).isZero();
        assertThat(accessLog.latest(issued)).extracting(AccessLog.Entry::action)
                .containsExactly(AccessLog.Action.SAVED_OFFLINE);

        mvc.perform(get("/documents/{id}/file", issued.value()).session(session)).andExpect(status().isOk());

        assertThat(readsOf(issued)).isOne();
    }

    private long readsOf(LibraryDocumentId document) {
        return jdbc.sql("select count(*) from library_read where document_id = :id")
                .param("id", document.value())
                .query(Long.class)
                .single();
    }
}
