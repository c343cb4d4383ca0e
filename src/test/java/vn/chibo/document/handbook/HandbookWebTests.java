package vn.chibo.document.handbook;

import java.util.zip.ZipInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditLog;
import vn.chibo.audit.AuditFilter;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The handbook's pages, the administrators' edits, and the privacy of each account's bookmarks and notes. */
@SqlTest
@AutoConfigureMockMvc
class HandbookWebTests {

    private static final String NOTE = "Ghi chú riêng: hỏi chi ủy về mức đảng phí 7391";

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures meetingFixtures;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HandbookDefaults defaults;

    @Autowired
    AuditLog audit;

    Village village;

    Actor admin;

    @BeforeEach
    void village() {
        village = meetingFixtures.village();
        admin = fixtures.accountWithoutMember(village.committee(), Role.SYSTEM_ADMIN);
    }

    @Test
    void teamPagesLoadedInEveryLanguage() {
        int pages = jdbc.sql("select count(*) from handbook_page").query(Integer.class).single();
        int versions = jdbc.sql("select count(*) from handbook_page_version where created_by is null")
                .query(Integer.class).single();

        assertThat(pages).isEqualTo(HandbookTopic.values().length * HandbookLanguage.values().length);
        assertThat(versions).isEqualTo(pages);
    }

    @Test
    void memberReadsPageInOwnLanguage() throws Exception {
        MockHttpSession session = SignIn.as(mvc, village.member());

        String contents = page("/handbook", session);
        String vietnamese = page("/handbook/cell-meeting", session);
        String english = page("/handbook/cell-meeting?lang=en", session);

        assertThat(contents).contains("Một buổi sinh hoạt chi bộ", "Quyền và nhiệm vụ của đảng viên",
                "Cách dùng Chi bộ số", "Câu hỏi thường gặp");
        assertThat(vietnamese).contains("<h1>Một buổi sinh hoạt chi bộ</h1>", "<h2>Trước buổi sinh hoạt</h2>",
                "<strong>quá một nửa</strong>");
        assertThat(english).contains("<h1>A cell meeting</h1>", "<h2>Before the meeting</h2>");
    }

    @Test
    void missingTranslationFallsBackToVietnamese() throws Exception {
        jdbc.sql("delete from handbook_page where slug = 'questions' and language = 'de'").update();
        MockHttpSession session = SignIn.as(mvc, village.member());

        String german = page("/handbook/questions?lang=de", session);
        String contents = page("/handbook", session);

        assertThat(german).contains("<h1>Câu hỏi thường gặp</h1>", "noch nicht in Ihre Sprache übersetzt",
                "lang=\"vi\"");
        assertThat(contents).contains("Câu hỏi thường gặp", "(vietnamesischer Text)", "Eine Sitzung der Parteizelle");
    }

    @Test
    void unknownPageIsNotFound() throws Exception {
        MockHttpSession session = SignIn.as(mvc, village.member());

        mvc.perform(get("/handbook/no-such-page").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/handbook/cell-meeting/edit").session(SignIn.as(mvc, admin)).param("language", "xx"))
                .andExpect(status().isNotFound());
    }

    @Test
    void signedOutReaderIsSentToSignIn() throws Exception {
        mvc.perform(get("/handbook/cell-meeting")).andExpect(status().is3xxRedirection());
    }

    @Test
    void editFormHoldsThePagesTitle() throws Exception {
        String form = page("/handbook/using-the-app/edit?language=vi", SignIn.as(mvc, admin));

        assertThat(form).contains("name=\"title\" type=\"text\" maxlength=\"200\" required value=\"Cách dùng Chi bộ số\"");
    }

    @Test
    void administratorEditsPageAsNewVersion() throws Exception {
        MockHttpSession session = SignIn.as(mvc, admin);

        mvc.perform(get("/handbook/cell-meeting/edit").session(session).param("language", "vi"))
                .andExpect(status().isOk());
        mvc.perform(post("/handbook/cell-meeting/edit").session(session).with(csrf())
                        .param("language", "vi")
                        .param("title", "Buổi sinh hoạt chi bộ")
                        .param("markdown", "## Mới\n\nNội dung do quản trị viên viết. <script>alert(1)</script>"))
                .andExpect(status().is3xxRedirection());

        String page = page("/handbook/cell-meeting", SignIn.as(mvc, village.member()));
        assertThat(page).contains("<h1>Buổi sinh hoạt chi bộ</h1>", "<h2>Mới</h2>", "Nội dung do quản trị viên viết.",
                "&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page).doesNotContain("<script>alert(1)</script>");
        assertThat(jdbc.sql("select count(*) from handbook_page_version where slug = 'cell-meeting' and language = 'vi'")
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(audit.recent(new AuditFilter("handbook.page.edited", admin.accountId().value(), null, null, null,
                null), 10)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("slug=cell-meeting language=vi version=2"));
    }

    @Test
    void teamTextNeverReplacesEdit() throws Exception {
        mvc.perform(post("/handbook/questions/edit").session(SignIn.as(mvc, admin)).with(csrf())
                        .param("language", "en").param("title", "FAQ").param("markdown", "Edited by the admin."))
                .andExpect(status().is3xxRedirection());

        defaults.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select markdown from handbook_page where slug = 'questions' and language = 'en'")
                .query(String.class).single()).isEqualTo("Edited by the admin.\n");
    }

    @Test
    void emptyEditIsRejectedWithMessage() throws Exception {
        String answer = mvc.perform(post("/handbook/cell-meeting/edit").session(SignIn.as(mvc, admin)).with(csrf())
                        .param("language", "vi").param("title", " ").param("markdown", "Nội dung"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(answer).contains("Xin nhập tiêu đề trang.");
        assertThat(jdbc.sql("select version from handbook_page where slug = 'cell-meeting' and language = 'vi'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void nonAdministratorCannotEdit() throws Exception {
        for (Actor actor : new Actor[] { village.member(), village.secretary(), village.officer() }) {
            MockHttpSession session = SignIn.as(mvc, actor);

            mvc.perform(get("/handbook/cell-meeting/edit").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/handbook/cell-meeting/edit").session(session).with(csrf())
                            .param("language", "vi").param("title", "Tiêu đề").param("markdown", "Bị sửa"))
                    .andExpect(status().isForbidden());
            assertThat(page("/handbook/cell-meeting", session)).doesNotContain("/handbook/cell-meeting/edit");
        }
        assertThat(jdbc.sql("select count(*) from handbook_page where markdown like '%Bị sửa%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void bookmarksAndNotesStayPrivate() throws Exception {
        MockHttpSession owner = SignIn.as(mvc, village.member());
        mvc.perform(post("/handbook/rights-and-duties/bookmark").session(owner).with(csrf()).param("on", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/handbook/rights-and-duties/note").session(owner).with(csrf()).param("body", NOTE))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/handbook/rights-and-duties", owner)).contains(NOTE, "Bỏ đánh dấu");
        assertThat(page("/handbook/mine", owner)).contains(NOTE, "Quyền và nhiệm vụ của đảng viên");
        assertThat(page("/handbook", owner)).contains("Đã đánh dấu");

        for (Actor other : new Actor[] { village.outsider(), village.secretary(), village.officer(), admin,
            village.probationary() }) {
            MockHttpSession session = SignIn.as(mvc, other);
            for (String path : new String[] { "/handbook", "/handbook/rights-and-duties", "/handbook/mine",
                "/handbook/rights-and-duties?lang=en", "/" }) {
                assertThat(page(path, session)).as(path).doesNotContain(NOTE).doesNotContain("Bỏ đánh dấu")
                        .doesNotContain("Đã đánh dấu");
            }
        }
    }

    @Test
    void ownerExportsNotesWithOwnData() throws Exception {
        MockHttpSession owner = SignIn.as(mvc, village.member());
        mvc.perform(post("/handbook/questions/note").session(owner).with(csrf()).param("body", NOTE));

        String exported = exportOf(owner);
        String othersExport = exportOf(SignIn.as(mvc, village.probationary()));

        assertThat(exported).contains(NOTE, "handbookNotes", "questions");
        assertThat(othersExport).doesNotContain(NOTE);
    }

    @Test
    void ownerDeletesAllMarks() throws Exception {
        MockHttpSession owner = SignIn.as(mvc, village.member());
        mvc.perform(post("/handbook/questions/note").session(owner).with(csrf()).param("body", NOTE));
        mvc.perform(post("/handbook/questions/bookmark").session(owner).with(csrf()).param("on", "true"));

        mvc.perform(post("/handbook/mine/delete").session(owner).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(page("/handbook/mine", owner)).doesNotContain(NOTE).contains("chưa đánh dấu hay ghi chú");
        assertThat(countOf("handbook_note", village.member())).isZero();
        assertThat(countOf("handbook_bookmark", village.member())).isZero();
    }

    @Test
    void tooLongNoteIsRejected() throws Exception {
        MockHttpSession owner = SignIn.as(mvc, village.member());

        var result = mvc.perform(post("/handbook/questions/note").session(owner).with(csrf())
                        .param("body", "x".repeat(HandbookMarks.MAX_NOTE_LENGTH + 1)))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        assertThat(result.getFlashMap().get("flashError")).isNotNull();
        assertThat(countOf("handbook_note", village.member())).isZero();
    }

    @Test
    void navigationAndHomeLinkHandbook() throws Exception {
        String home = page("/", SignIn.as(mvc, village.member()));

        assertThat(home).contains("href=\"/handbook\"", "Mở sổ tay đảng viên", "Sổ tay đảng viên");
    }

    private int countOf(String table, Actor actor) {
        return jdbc.sql("select count(*) from " + table + " where account_id = :account")
                .param("account", actor.accountId().value())
                .query(Integer.class).single();
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String exportOf(MockHttpSession session) throws Exception {
        byte[] zip = mvc.perform(post("/me/data/export").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        var text = new StringBuilder();
        try (var entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (entries.getNextEntry() != null) {
                text.append(new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
