package vn.chibo.document.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

/** The search page, its htmx parts and the API, as a member of a cell uses them. */
@SqlTest
@AutoConfigureMockMvc
class DocumentSearchWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiSignIn api;

    Actor member;
    long resolution;
    long foreign;

    @BeforeEach
    void setUp() {
        Fixtures.Commune commune = fixtures.commune();
        member = fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Lê Thị Đọc",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        Actor officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        LibraryRows rows = new LibraryRows(jdbc, officer);
        resolution = rows.document(commune.committee(), "Nghị quyết về chuyển đổi số", "12-NQ/ĐU", "RESOLUTION",
                "Đảng ủy xã thống nhất đưa sinh hoạt chi bộ lên ứng dụng.", "Toàn văn nghị quyết <script>x</script>");
        rows.issue(resolution, commune.cell(), false);
        foreign = rows.document(fixtures.commune().cell(), "Nghị quyết của xã khác", null, "RESOLUTION", null, "");
    }

    @Test
    void pageMarksMatchesAndEscapesText() throws Exception {
        MockHttpSession session = SignIn.as(mvc, member);

        String page = mvc.perform(get("/documents/search").param("q", "nghi quyet chuyen doi so").session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<mark>Nghị</mark> <mark>quyết</mark> về <mark>chuyển</mark> <mark>đổi</mark> "
                + "<mark>số</mark>");
        assertThat(page).contains("12-NQ/ĐU").contains("href=\"/documents/" + resolution + "\"")
                .doesNotContain("/documents/" + foreign + "\"").doesNotContain("xã khác");
        assertThat(page).contains("Có 1 văn bản chứa");
    }

    @Test
    void resultsLongerThanAPageLinkToTheNext() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        Actor secretary = fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Vũ Văn Tìm",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        LibraryRows rows = new LibraryRows(jdbc, fixtures.accountWithoutMember(commune.committee(),
                Role.COMMITTEE_OFFICER));
        for (int i = 1; i <= LibrarySearch.PAGE_SIZE + 1; i++) {
            rows.issue(rows.document(commune.committee(), "Kế hoạch học tập số " + i, null, "PLAN", null, ""),
                    commune.cell(), false);
        }
        MockHttpSession session = SignIn.as(mvc, secretary);

        String first = mvc.perform(get("/documents/search").param("q", "ke hoach hoc tap").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/documents/search").param("q", "ke hoach hoc tap").param("page", "2")
                        .session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(first).contains("Trang 1/2")
                .contains("href=\"/documents/search?q=ke%20hoach%20hoc%20tap&amp;page=2\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(second).contains("Trang 2/2")
                .contains("href=\"/documents/search?q=ke%20hoach%20hoc%20tap&amp;page=1\" rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void htmxGetsOnlyTheResultsAndSuggestionsAList() throws Exception {
        MockHttpSession session = SignIn.as(mvc, member);

        String results = mvc.perform(get("/documents/search").param("q", "dang uy").header("HX-Request", "true")
                        .session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String suggestions = mvc.perform(get("/documents/suggestions").param("q", "nghi")
                        .header("HX-Request", "true").session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(results).startsWith("<section id=\"search-results\"").doesNotContain("<html")
                .contains("<mark>Đảng</mark> <mark>ủy</mark>");
        assertThat(suggestions).contains("Nghị quyết về chuyển đổi số (12-NQ/ĐU)").doesNotContain("xã khác");
    }

    @Test
    void tooLongQueryIsRefusedWithAMessage() throws Exception {
        MockHttpSession session = SignIn.as(mvc, member);

        String page = mvc.perform(get("/documents/search").param("q", "nghị ".repeat(50)).session(session))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        String suggestions = mvc.perform(get("/documents/suggestions").param("q", "nghị ".repeat(50))
                        .session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Câu tìm dài quá 200 ký tự");
        assertThat(suggestions).doesNotContain("<li");
    }

    @Test
    void apiReturnsMarkedParts() throws Exception {
        String body = mvc.perform(get("/api/v1/documents/search").param("q", "nghi quyet").with(api.as(member)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JsonNode results = JsonMapper.builder().build().readTree(body);
        assertThat(results.get("total").asInt()).isEqualTo(1);
        JsonNode hit = results.get("hits").get(0);
        assertThat(hit.get("documentId").asLong()).isEqualTo(resolution);
        assertThat(hit.get("title").get("parts").get(0).get("text").asString()).isEqualTo("Nghị");
        assertThat(hit.get("title").get("parts").get(0).get("match").asBoolean()).isTrue();

        mvc.perform(get("/api/v1/documents/search").param("q", "a b c d e f g h i").with(api.as(member)))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void anonymousIsSentToSignIn() throws Exception {
        mvc.perform(get("/documents/search").param("q", "nghi quyet")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/documents/search").param("q", "nghi quyet")).andExpect(status().isUnauthorized());
    }
}
