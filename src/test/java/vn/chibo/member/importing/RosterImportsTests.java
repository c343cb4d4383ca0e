package vn.chibo.member.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.Member;
import vn.chibo.member.Members;
import vn.chibo.member.NewMember;
import vn.chibo.organization.Organization;
import vn.chibo.system.ConflictException;
import vn.chibo.system.NotFoundException;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SqlTest
class RosterImportsTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RosterImports imports;

    @Autowired
    Members members;

    @Autowired
    AuditLog audit;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = { "roster-utf8.csv", "roster-cp1258.csv", "roster-nfd.csv", "roster.xlsx" })
    void fileImportsAsExpectedRoster(String file) throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        RosterImport.Result result = importFile(secretary, commune.cell(), file);

        assertThat(result).isEqualTo(new RosterImport.Result(36, 0, 0, 0));
        Map<String, NewMember> stored = members.ofCell(commune.cell().id()).stream()
                .collect(Collectors.toMap(Member::fullName, Member::values));
        List<NewMember> expected = Fixtures.readRoster().stream().map(Fixtures.RosterEntry::toNewMember).toList();
        assertThat(stored).hasSize(36);
        for (NewMember member : expected) {
            assertThat(stored.get(member.fullName())).as(member.fullName()).usingRecursiveComparison()
                    .isEqualTo(member);
        }
    }

    @Test
    void errorsFileRejectsSevenRows() throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        RosterImportId id = imports.upload(secretary, commune.cell().id(), "loi.csv",
                SampleFiles.roster("roster-with-errors.csv"));
        ImportPlan plan = imports.preview(secretary, commune.cell().id(), id).plan();

        assertThat(plan.rows()).extracting(row -> row.row().ordinal()).containsExactly("1", "2", "3", "4", "5", "6",
                "7", "8", "9", "10");
        assertThat(plan.rows()).extracting(PlannedRow::outcome).containsExactly(RowOutcome.NEW, RowOutcome.REJECTED,
                RowOutcome.REJECTED, RowOutcome.REJECTED, RowOutcome.REJECTED, RowOutcome.REJECTED,
                RowOutcome.REJECTED, RowOutcome.REJECTED, RowOutcome.NEW, RowOutcome.NEW);
        assertThat(describeErrors(plan.rows().get(1))).containsExactly(
                "Dòng 3 (STT 2), cột «Họ và tên»: bỏ trống, nhưng cột này bắt buộc phải có.");
        assertThat(describeErrors(plan.rows().get(2))).containsExactly(
                "Dòng 4 (STT 3), cột «Ngày sinh»: ngày «31/02/1980» không có trên lịch.");
        assertThat(describeErrors(plan.rows().get(3))).containsExactly(
                "Dòng 5 (STT 4), cột «Ngày vào Đảng»: ngày vào Đảng 19/05/2010 khi chưa đủ 18 tuổi (sinh ngày 20/05/1995).");
        assertThat(describeErrors(plan.rows().get(4))).containsExactly(
                "Dòng 6 (STT 5), cột «Số thẻ đảng viên»: số thẻ 41000001 trùng với dòng 2.");
        assertThat(describeErrors(plan.rows().get(5))).hasSize(1).first().asString()
                .startsWith("Dòng 7 (STT 6), cột «Tình trạng sinh hoạt»: «Tạm hoãn» không phải là tình trạng sinh hoạt");
        assertThat(describeErrors(plan.rows().get(6))).containsExactly(
                "Dòng 8 (STT 7), cột «Ngày chính thức»: ngày chính thức 05/05/2008 trước ngày vào Đảng 05/05/2009.");
        assertThat(describeErrors(plan.rows().get(7))).hasSize(1).first().asString()
                .startsWith("Dòng 9 (STT 8), cột «Số điện thoại»: «09870A0008» không phải là số điện thoại");
        assertThat(describe(plan.rows().get(8), plan.rows().get(8).row().warnings())).containsExactly(
                "Dòng 10 (STT 9), cột «Email»: «quyen@@example.com» không phải là địa chỉ email nên được bỏ qua.",
                "Dòng 10 (STT 9), cột «Số thẻ đảng viên»: đảng viên dự bị chưa được phát thẻ nên số thẻ «41000009» được bỏ qua.");
        assertThat(plan.rows().get(0).row().warnings()).isEmpty();
        assertThat(plan.rows().get(9).row().warnings()).isEmpty();

        imports.confirm(secretary, commune.cell().id(), id, plan.digest());

        List<Member> stored = members.ofCell(commune.cell().id());
        assertThat(stored).extracting(Member::fullName)
                .containsExactlyInAnyOrder("Trịnh Văn Kiên", "Mai Thị Quyên", "Khổng Văn Rạng");
        Member quyen = stored.stream().filter(member -> member.fullName().equals("Mai Thị Quyên")).findFirst()
                .orElseThrow();
        assertThat(quyen.partyCardNumber()).isNull();
        assertThat(quyen.email()).isNull();
        assertThat(quyen.phone()).isEqualTo("0987000009");
    }

    @Test
    void nothingWrittenBeforeConfirmation() throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        RosterImportId id = imports.upload(secretary, commune.cell().id(), "ds.xlsx",
                SampleFiles.roster("roster.xlsx"));
        ImportPlan plan = imports.preview(secretary, commune.cell().id(), id).plan();

        assertThat(plan.count(RowOutcome.NEW)).isEqualTo(36);
        assertThat(members.ofCell(commune.cell().id())).isEmpty();
        assertThat(audit.entriesOf(commune.cell().id().value(), "member.added")).isEmpty();
    }

    @Test
    void importingTwiceChangesNothing() throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        importFile(secretary, commune.cell(), "roster-utf8.csv");
        List<Member> before = members.ofCell(commune.cell().id());

        RosterImport.Result again = importFile(secretary, commune.cell(), "roster-utf8.csv");
        RosterImport.Result otherForm = importFile(secretary, commune.cell(), "roster.xlsx");

        assertThat(again).isEqualTo(new RosterImport.Result(0, 0, 36, 0));
        assertThat(otherForm).isEqualTo(new RosterImport.Result(0, 0, 36, 0));
        assertThat(members.ofCell(commune.cell().id())).isEqualTo(before);
        assertThat(audit.entriesOf(commune.cell().id().value(), "member.updated")).isEmpty();
        assertThat(audit.entriesOf(commune.cell().id().value(), "member.added")).hasSize(36);
    }

    @ParameterizedTest
    @ValueSource(strings = { "roster-utf8.csv", "roster-cp1258.csv", "roster-nfd.csv", "roster.xlsx" })
    void existingRosterStaysUnchanged(String file) throws IOException {
        var commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        List<Member> before = members.ofCell(commune.cell().id());

        RosterImportId id = imports.upload(secretary, commune.cell().id(), file, SampleFiles.roster(file));
        ImportPlan plan = imports.preview(secretary, commune.cell().id(), id).plan();
        RosterImport.Result result = imports.confirm(secretary, commune.cell().id(), id, plan.digest());

        assertThat(plan.rows()).allSatisfy(row -> assertThat(row.outcome()).as("row %d", row.row().rowNumber())
                .isEqualTo(RowOutcome.UNCHANGED));
        assertThat(plan.membersNotInFile()).isZero();
        assertThat(result).isEqualTo(new RosterImport.Result(0, 0, 36, 0));
        assertThat(members.ofCell(commune.cell().id())).isEqualTo(before);
    }

    @Test
    void changedValuesBecomeUpdates() throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        importFile(secretary, commune.cell(), "roster-utf8.csv");
        String changed = new String(SampleFiles.roster("roster-utf8.csv"), StandardCharsets.UTF_8)
                .replace("0912418916", "0988111222")
                .replace("38071271,,Chính thức,Miễn công tác và sinh hoạt đảng",
                        "38071271,,Chính thức,Đang sinh hoạt");

        RosterImportId id = imports.upload(secretary, commune.cell().id(), "moi.csv",
                changed.getBytes(StandardCharsets.UTF_8));
        ImportPlan plan = imports.preview(secretary, commune.cell().id(), id).plan();
        imports.confirm(secretary, commune.cell().id(), id, plan.digest());

        assertThat(plan.count(RowOutcome.UPDATE)).isEqualTo(2);
        assertThat(plan.rows()).filteredOn(row -> row.outcome() == RowOutcome.UPDATE)
                .extracting(row -> row.changes().stream().map(PlannedRow.Change::column).toList())
                .containsExactly(List.of(RosterColumn.PHONE), List.of(RosterColumn.ACTIVITY_STATUS));
        Map<String, Member> byName = members.ofCell(commune.cell().id()).stream()
                .collect(Collectors.toMap(Member::fullName, Function.identity()));
        assertThat(byName.get("Phạm Thị Ánh").phone()).isEqualTo("0988111222");
        assertThat(byName.get("Ngô Thị Yến").activityStatus()).isEqualTo(vn.chibo.member.ActivityStatus.ACTIVE);
        assertThat(audit.entriesOf(commune.cell().id().value(), "member.updated")).hasSize(2);
    }

    @Test
    void namesStoredInNfc() throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        importFile(secretary, commune.cell(), "roster-nfd.csv");

        List<Map<String, Object>> rows = jdbc
                .sql("select full_name, search_name, address from member where cell_id = :cell")
                .param("cell", commune.cell().id().value())
                .query()
                .listOfRows();
        assertThat(rows).hasSize(36).allSatisfy(row -> {
            String name = (String) row.get("full_name");
            assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).as(name).isTrue();
            assertThat(Normalizer.isNormalized((String) row.get("address"), Normalizer.Form.NFC)).isTrue();
            assertThat((String) row.get("search_name")).matches("[a-z ]+");
        });
        assertThat(rows).extracting(row -> row.get("full_name")).contains("Nguyễn Văn Thắng", "Đinh Thị Ỷ Lan");
    }

    @Test
    void invisibleCharactersNotStored() {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        String csv = "Họ và tên,Ngày sinh,Ngày vào Đảng,Nghề nghiệp,Nơi ở,Ghi chú\n"
                + "\u202ENguyễn Văn\u202C Thắng\u2066,23/07/1980,03/02/2008,Nông\u200B dân,"
                + "Xóm\u2067 Bắc\u2069,Ghi\u202D chú\u202A\uFEFF\u200F\n";

        RosterImportId id = imports.upload(secretary, commune.cell().id(), "ds\u202Eslx.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        imports.confirm(secretary, commune.cell().id(), id,
                imports.preview(secretary, commune.cell().id(), id).plan().digest());

        Map<String, Object> row = jdbc
                .sql("select full_name, search_name, occupation, address, note from member where cell_id = :cell")
                .param("cell", commune.cell().id().value())
                .query()
                .singleRow();
        assertThat(row).containsEntry("full_name", "Nguyễn Văn Thắng")
                .containsEntry("search_name", "nguyen van thang")
                .containsEntry("occupation", "Nông dân")
                .containsEntry("address", "Xóm Bắc")
                .containsEntry("note", "Ghi chú");
        assertThat(imports.recent(secretary, commune.cell().id())).extracting(RosterImport::fileName)
                .containsExactly("dsslx.csv");
    }

    @Test
    void recentListsTenNewest() {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        byte[] csv = "Họ và tên,Ngày sinh,Ngày vào Đảng\nLê Văn Ân,23/07/1980,03/02/2008\n"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 1; i <= 12; i++) {
            imports.upload(secretary, commune.cell().id(), "ds-" + i + ".csv", csv);
        }

        List<RosterImport> recent = imports.recent(secretary, commune.cell().id());

        assertThat(recent).extracting(RosterImport::fileName).containsExactly("ds-12.csv", "ds-11.csv", "ds-10.csv",
                "ds-9.csv", "ds-8.csv", "ds-7.csv", "ds-6.csv", "ds-5.csv", "ds-4.csv", "ds-3.csv");
    }

    @Test
    void confirmingTwiceFails() throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        RosterImportId id = imports.upload(secretary, commune.cell().id(), "ds.csv",
                SampleFiles.roster("roster-utf8.csv"));
        String digest = imports.preview(secretary, commune.cell().id(), id).plan().digest();
        imports.confirm(secretary, commune.cell().id(), id, digest);

        assertThatThrownBy(() -> imports.confirm(secretary, commune.cell().id(), id, digest))
                .isInstanceOf(RosterImportAlreadyDecided.class)
                .hasMessage("member.import.error.alreadyApplied");
        assertThat(members.ofCell(commune.cell().id())).hasSize(36);
    }

    @Test
    void confirmingStalePreviewFails() throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        RosterImportId first = imports.upload(secretary, commune.cell().id(), "a.csv",
                SampleFiles.roster("roster-utf8.csv"));
        RosterImportId second = imports.upload(secretary, commune.cell().id(), "b.xlsx",
                SampleFiles.roster("roster.xlsx"));
        String secondDigest = imports.preview(secretary, commune.cell().id(), second).plan().digest();
        imports.confirm(secretary, commune.cell().id(), first,
                imports.preview(secretary, commune.cell().id(), first).plan().digest());

        assertThatThrownBy(() -> imports.confirm(secretary, commune.cell().id(), second, secondDigest))
                .isInstanceOf(RosterChangedSincePreview.class)
                .isInstanceOf(ConflictException.class);
        assertThat(imports.preview(secretary, commune.cell().id(), second).plan().count(RowOutcome.UNCHANGED))
                .isEqualTo(36);
    }

    @Test
    void anotherCellsImportIsHidden() throws IOException {
        var commune = fixtures.commune();
        Organization otherCell = fixtures.cellUnder(commune.committee());
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        Actor otherSecretary = fixtures.accountWithoutMember(otherCell, Role.CELL_SECRETARY);
        RosterImportId id = imports.upload(secretary, commune.cell().id(), "ds.csv",
                SampleFiles.roster("roster-utf8.csv"));
        String digest = imports.preview(secretary, commune.cell().id(), id).plan().digest();

        assertThatThrownBy(() -> imports.confirm(otherSecretary, otherCell.id(), id, digest))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imports.confirm(otherSecretary, commune.cell().id(), id, digest))
                .isInstanceOf(NotFoundException.class);
        assertThat(members.ofCell(commune.cell().id())).isEmpty();
        assertThat(members.ofCell(otherCell.id())).isEmpty();
    }

    @Test
    void discardedImportWritesNothing() throws IOException {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        RosterImportId id = imports.upload(secretary, commune.cell().id(), "ds.csv",
                SampleFiles.roster("roster-utf8.csv"));
        String digest = imports.preview(secretary, commune.cell().id(), id).plan().digest();

        imports.discard(secretary, commune.cell().id(), id);

        assertThatThrownBy(() -> imports.confirm(secretary, commune.cell().id(), id, digest))
                .isInstanceOf(RosterImportAlreadyDecided.class)
                .hasMessage("member.import.error.alreadyDiscarded");
        assertThat(imports.preview(secretary, commune.cell().id(), id).rosterImport().status())
                .isEqualTo(RosterImport.Status.DISCARDED);
        assertThat(members.ofCell(commune.cell().id())).isEmpty();
    }

    private RosterImport.Result importFile(Actor secretary, Organization cell, String file) throws IOException {
        RosterImportId id = imports.upload(secretary, cell.id(), file, SampleFiles.roster(file));
        ImportPlan plan = imports.preview(secretary, cell.id(), id).plan();
        return imports.confirm(secretary, cell.id(), id, plan.digest());
    }

    private List<String> describeErrors(PlannedRow row) {
        return describe(row, row.row().errors());
    }

    /** Returns the problems as the preview page writes them in Vietnamese. */
    private List<String> describe(PlannedRow planned, List<RowProblem> problems) {
        Locale vietnamese = Locale.of("vi");
        RosterRow row = planned.row();
        String rowLabel = messages.getMessage("member.import.rowWithOrdinal",
                new Object[] { row.rowNumber(), row.ordinal() }, vietnamese);
        return problems.stream()
                .map(problem -> messages.getMessage("member.import.problem", new Object[] { rowLabel,
                        problem.columnLabel(), messages.getMessage(problem.messageKey(), problem.argumentArray(),
                                vietnamese) }, vietnamese))
                .toList();
    }

}
