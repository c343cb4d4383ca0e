package vn.chibo.document.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.chibo.account.Actor;
import vn.chibo.document.Classification;
import vn.chibo.document.library.LibraryTree.Tree;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may open which document, on every path that reads one: the list, the page, the file, the
 * download, and the API's list, details and file. A document that a reader may not open answers 404
 * everywhere and is missing from both lists.
 */
@SqlTest
@AutoConfigureMockMvc
class LibraryAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LibraryTree trees;

    @Autowired
    Distributions distributions;

    @Autowired
    ApiSignIn api;

    /** The readers of the table, by their relation to the cell of the tree. */
    enum Reader {
        CELL_MEMBER, CELL_SECRETARY, SIBLING_CELL_MEMBER, FOREIGN_CELL_MEMBER, COMMUNE_OFFICER, DISTRICT_OFFICER,
        ADMIN
    }

    @Test
    void everyPathFollowsTheVisibilityRule() throws Exception {
        Tree tree = trees.build();
        String pdf = "du-thao-nghi-quyet-thang-12.pdf";
        // Issued by the commune to the cell alone.
        LibraryDocumentId toCell = trees.upload(tree.officer(), tree.commune().id(), pdf, Classification.INTERNAL);
        distributions.issue(tree.officer(), toCell, List.of(tree.cell().id()), false, false);
        // Issued by the district to the commune and the organizations below it.
        LibraryDocumentId withBelow = trees.upload(tree.districtOfficer(), tree.district().id(), pdf,
                Classification.PUBLIC);
        distributions.issue(tree.districtOfficer(), withBelow, List.of(tree.commune().id()), false, true);
        // Issued by the district to the commune alone.
        LibraryDocumentId withoutBelow = trees.upload(tree.districtOfficer(), tree.district().id(), pdf,
                Classification.PUBLIC);
        distributions.issue(tree.districtOfficer(), withoutBelow, List.of(tree.commune().id()), false, false);
        // In the cell's own library, issued to nobody.
        LibraryDocumentId own = trees.upload(tree.secretary(), tree.cell().id(), pdf, Classification.INTERNAL);

        Map<Reader, Actor> readers = new LinkedHashMap<>();
        readers.put(Reader.CELL_MEMBER, tree.member());
        readers.put(Reader.CELL_SECRETARY, tree.secretary());
        readers.put(Reader.SIBLING_CELL_MEMBER, tree.siblingMember());
        readers.put(Reader.FOREIGN_CELL_MEMBER, tree.foreignMember());
        readers.put(Reader.COMMUNE_OFFICER, tree.officer());
        readers.put(Reader.DISTRICT_OFFICER, tree.districtOfficer());
        readers.put(Reader.ADMIN, tree.admin());

        Map<LibraryDocumentId, List<Reader>> expected = new LinkedHashMap<>();
        expected.put(toCell, List.of(Reader.CELL_MEMBER, Reader.CELL_SECRETARY, Reader.COMMUNE_OFFICER));
        expected.put(withBelow, List.of(Reader.CELL_MEMBER, Reader.CELL_SECRETARY, Reader.SIBLING_CELL_MEMBER,
                Reader.COMMUNE_OFFICER, Reader.DISTRICT_OFFICER));
        expected.put(withoutBelow, List.of(Reader.COMMUNE_OFFICER, Reader.DISTRICT_OFFICER));
        expected.put(own, List.of(Reader.CELL_MEMBER, Reader.CELL_SECRETARY));

        List<String> failures = new ArrayList<>();
        for (Map.Entry<Reader, Actor> reader : readers.entrySet()) {
            MockHttpSession session = SignIn.as(mvc, reader.getValue());
            RequestPostProcessor bearer = api.as(reader.getValue());
            String page = mvc.perform(get("/documents").session(session)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            String apiList = mvc.perform(get("/api/v1/documents").with(bearer)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            for (Map.Entry<LibraryDocumentId, List<Reader>> document : expected.entrySet()) {
                long id = document.getKey().value();
                boolean sees = document.getValue().contains(reader.getKey());
                int status = sees ? 200 : 404;
                String label = reader.getKey() + " on document " + id;
                check(failures, label + " in the list", page.contains("/documents/" + id + "\""), sees);
                check(failures, label + " in the API list", apiList.contains("\"id\":" + id + ","), sees);
                for (String path : List.of("/documents/" + id, "/documents/" + id + "/file",
                        "/documents/" + id + "/download")) {
                    int got = mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
                    check(failures, label + " at " + path + " answered " + got, got == status, true);
                }
                for (String path : List.of("/api/v1/documents/" + id, "/api/v1/documents/" + id + "/file")) {
                    int got = mvc.perform(get(path).with(bearer)).andReturn().getResponse().getStatus();
                    check(failures, label + " at " + path + " answered " + got, got == status, true);
                }
            }
        }

        assertThat(failures).as("Paths that broke the visibility rule").isEmpty();
    }

    private static void check(List<String> failures, String label, boolean actual, boolean expected) {
        if (actual != expected) {
            failures.add(label + (expected ? "" : " (should be hidden)"));
        }
    }
}
