package vn.chibo.document.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.VietnameseText;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SqlTest;

/**
 * Search over the library on the real database: diacritics, ranking, snippets, and above all that no
 * result, count or suggestion shows a document the reader may not open.
 */
@SqlTest
class LibrarySearchTests {

    @Autowired
    LibrarySearch search;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Fixtures.Commune commune;
    Organization otherCell;
    Organization foreignCell;
    Actor member;
    Actor officer;
    LibraryRows rows;

    @BeforeEach
    void setUp() {
        commune = fixtures.commune();
        otherCell = fixtures.cellUnder(commune.committee());
        foreignCell = fixtures.commune().cell();
        member = fixtures.account(commune.cell(), fixtures.member(commune.cell(), "Nguyễn Văn Tìm",
                MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE), Role.MEMBER);
        officer = fixtures.accountWithoutMember(commune.committee(), Role.COMMITTEE_OFFICER);
        rows = new LibraryRows(jdbc, officer);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "nghị quyết", "nghi quyet", "NGHI QUYET", "đảng viên", "dang vien", "chuyen doi so",
            "Đảng ủy", "dang uy", "diem danh", "bieu quyet", "uu tien", "uy ban", "thuong ky" })
    void findsTheSampleMaterialWithAndWithoutDiacritics(String query) throws IOException {
        long material = rows.document(commune.cell(), "Tài liệu sinh hoạt chuyên đề quý IV", null, "OTHER", null,
                text("tai-lieu-chuyen-de-quy-iv.pdf"));

        SearchResults results = search.search(member, query, 1);

        assertThat(results.hits()).extracting(SearchHit::documentId).containsExactly(material);
        SearchHit hit = results.hits().getFirst();
        assertThat(hit.snippet()).isNotNull();
        String marked = hit.snippet().parts().stream().filter(Snippet.Part::match).map(Snippet.Part::text)
                .collect(Collectors.joining(" "));
        assertThat(VietnameseText.fold(marked)).contains(SearchQuery.parse(query).terms().getFirst());
    }

    @Test
    void ranksTitleAndNumberAboveText() {
        long inText = rows.document(commune.cell(), "Báo cáo tháng 11", null, "REPORT", null,
                "Chi bộ đã triển khai nghị quyết của Đảng ủy xã về chuyển đổi số.");
        long inTitle = rows.document(commune.cell(), "Nghị quyết về nhiệm vụ tháng 12", "05-NQ/CB", "RESOLUTION", null,
                "Chi bộ thống nhất các nhiệm vụ.");
        long inSummary = rows.document(commune.cell(), "Kế hoạch học tập", null, "PLAN", "Học tập nghị quyết Trung ương",
                "Lịch học các buổi.");

        List<Long> found = search.search(member, "nghi quyet", 1).hits().stream().map(SearchHit::documentId).toList();

        assertThat(found).containsExactly(inTitle, inSummary, inText);
        assertThat(search.search(member, "05-nq/cb", 1).hits()).extracting(SearchHit::documentId)
                .containsExactly(inTitle);
    }

    @Test
    void snippetComesFromWhereThePhraseIs() {
        rows.document(commune.cell(), "Tài liệu sinh hoạt chuyên đề", null, "STUDY_MATERIAL",
                "Tài liệu cho buổi sinh hoạt chuyên đề quý IV.", "Phần hai bàn về chuyển đổi số ở thôn.");

        Snippet snippet = search.search(member, "chuyen doi so", 1).hits().getFirst().snippet();

        assertThat(snippet).isNotNull();
        assertThat(snippet.parts()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text)
                .containsExactly("chuyển", "đổi", "số");
    }

    @Test
    void needsEveryWord() {
        long both = rows.document(commune.cell(), "Nghị quyết tháng 12", null, "RESOLUTION", null, "về chuyển đổi số");
        rows.document(commune.cell(), "Nghị quyết tháng 11", null, "RESOLUTION", null, "về an ninh trật tự");

        assertThat(search.search(member, "nghi quyet so", 1).hits()).extracting(SearchHit::documentId)
                .containsExactly(both);
    }

    @Test
    void showsOnlyWhatTheReaderMayOpen() {
        long own = rows.document(commune.cell(), "Nghị quyết riêng của chi bộ", null, "RESOLUTION", null, "");
        long ofOtherCell = rows.document(otherCell, "Nghị quyết của chi bộ bên cạnh", null, "RESOLUTION", null, "");
        long ofForeignCell = rows.document(foreignCell, "Nghị quyết của xã khác", null, "RESOLUTION", null, "");
        long issuedToCell = rows.document(commune.committee(), "Nghị quyết của Đảng ủy gửi chi bộ", null, "RESOLUTION",
                null, "");
        rows.issue(issuedToCell, commune.cell(), false);
        long issuedToCommitteeOnly = rows.document(commune.committee(), "Nghị quyết chỉ cho Đảng ủy", null, "RESOLUTION",
                null, "");
        rows.issue(issuedToCommitteeOnly, commune.committee(), false);
        long issuedToCommitteeAndBelow = rows.document(commune.committee(), "Nghị quyết cho toàn Đảng bộ", null,
                "RESOLUTION", null, "");
        rows.issue(issuedToCommitteeAndBelow, commune.committee(), true);
        long withdrawn = rows.document(commune.cell(), "Nghị quyết đã thu hồi", null, "RESOLUTION", null, "");
        jdbc.sql("update library_document set withdrawn_at = :now where id = :id")
                .param("now", JdbcTime.param(Instant.now())).param("id", withdrawn).update();

        SearchResults forMember = search.search(member, "nghi quyet", 1);
        assertThat(forMember.hits()).extracting(SearchHit::documentId)
                .containsExactlyInAnyOrder(own, issuedToCell, issuedToCommitteeAndBelow);
        assertThat(forMember.total()).isEqualTo(3);
        assertThat(search.suggest(member, "nghi")).extracting(LibrarySearch.Suggestion::documentId)
                .containsExactlyInAnyOrder(own, issuedToCell, issuedToCommitteeAndBelow)
                .doesNotContain(ofOtherCell, ofForeignCell, issuedToCommitteeOnly, withdrawn);

        assertThat(search.search(officer, "nghi quyet", 1).hits()).extracting(SearchHit::documentId)
                .containsExactlyInAnyOrder(issuedToCell, issuedToCommitteeOnly, issuedToCommitteeAndBelow);

        Actor administrator = fixtures.accountWithoutMember(commune.cell(), Role.SYSTEM_ADMIN);
        assertThat(search.search(administrator, "nghi quyet", 1).total()).isZero();
        assertThat(search.suggest(administrator, "nghi")).isEmpty();
    }

    @Test
    void pagesTenAtATime() {
        for (int n = 1; n <= 23; n++) {
            rows.document(commune.cell(), "Thông báo số " + n, null, "NOTICE", null, "lịch sinh hoạt");
        }

        SearchResults first = search.search(member, "thong bao", 1);
        SearchResults last = search.search(member, "thong bao", 3);
        SearchResults beyond = search.search(member, "thong bao", 9);

        assertThat(first.total()).isEqualTo(23);
        assertThat(first.hits()).hasSize(10);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(last.hits()).hasSize(3);
        assertThat(beyond.page()).isEqualTo(3);
    }

    @Test
    void findsNothingForABlankQueryOrSignsOnly() {
        rows.document(commune.cell(), "Nghị quyết", null, "RESOLUTION", null, "");

        assertThat(search.search(member, "  ", 1).total()).isZero();
        assertThat(search.search(member, "%%%", 1).total()).isZero();
        assertThat(search.suggest(member, "")).isEmpty();
    }

    private static String text(String sample) throws IOException {
        try (var pdf = Loader.loadPDF(SampleFiles.document(sample))) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
