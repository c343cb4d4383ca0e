package vn.chibo.member.importing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.chibo.member.importing.RosterColumn.ACTIVITY_STATUS;
import static vn.chibo.member.importing.RosterColumn.ADMISSION_DATE;
import static vn.chibo.member.importing.RosterColumn.BIRTH_DATE;
import static vn.chibo.member.importing.RosterColumn.CELL_ROLE;
import static vn.chibo.member.importing.RosterColumn.EMAIL;
import static vn.chibo.member.importing.RosterColumn.FULL_NAME;
import static vn.chibo.member.importing.RosterColumn.MEMBERSHIP_STATUS;
import static vn.chibo.member.importing.RosterColumn.NOTE;
import static vn.chibo.member.importing.RosterColumn.OFFICIAL_DATE;
import static vn.chibo.member.importing.RosterColumn.PARTY_CARD_NUMBER;
import static vn.chibo.member.importing.RosterColumn.PHONE;
import static vn.chibo.member.importing.RosterColumn.SEX;

/** The checks of one roster row, each case a valid row with one cell changed. */
class RowRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final List<RosterColumn> COLUMNS = List.of(RosterColumn.ORDINAL, FULL_NAME, SEX, BIRTH_DATE,
            ADMISSION_DATE, OFFICIAL_DATE, PARTY_CARD_NUMBER, CELL_ROLE, MEMBERSHIP_STATUS, ACTIVITY_STATUS, PHONE,
            EMAIL, RosterColumn.OCCUPATION, RosterColumn.ADDRESS, NOTE);
    private static final String HEADER = "STT\tHọ và tên\tGiới tính\tNgày sinh\tNgày vào Đảng\tNgày chính thức\t"
            + "Số thẻ đảng viên\tChức vụ trong chi bộ\tĐảng viên\tTình trạng sinh hoạt\tSố điện thoại\tEmail\t"
            + "Nghề nghiệp\tNơi ở\tGhi chú";
    private static final List<String> VALID = List.of("1", "Nguyễn Văn Thắng", "Nam", "12/03/1968", "05/06/1995",
            "05/06/1996", "38007919", "Bí thư", "Chính thức", "Đang sinh hoạt", "0912104729", "dv01@example.com",
            "Cán bộ thôn", "Xóm Đông", "");

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(FULL_NAME, "", FULL_NAME, "member.import.error.missing"),
                Arguments.of(FULL_NAME, "Nguyễn Văn 2", FULL_NAME, "member.import.error.nameInvalid"),
                Arguments.of(BIRTH_DATE, "", BIRTH_DATE, "member.import.error.missing"),
                Arguments.of(BIRTH_DATE, "1968", BIRTH_DATE, "member.import.error.dateYearOnly"),
                Arguments.of(BIRTH_DATE, "12/3/68", BIRTH_DATE, "member.import.error.dateFormat"),
                Arguments.of(BIRTH_DATE, "mười hai tháng ba", BIRTH_DATE, "member.import.error.dateFormat"),
                Arguments.of(BIRTH_DATE, "30/02/1970", BIRTH_DATE, "member.import.error.dateImpossible"),
                Arguments.of(BIRTH_DATE, "01/01/1890", BIRTH_DATE, "member.import.error.birthDateTooEarly"),
                Arguments.of(BIRTH_DATE, "01/01/1980", ADMISSION_DATE, "member.import.error.admittedUnderAge"),
                Arguments.of(ADMISSION_DATE, "", ADMISSION_DATE, "member.import.error.missing"),
                Arguments.of(ADMISSION_DATE, "05/06/2030", ADMISSION_DATE, "member.import.error.dateInFuture"),
                Arguments.of(OFFICIAL_DATE, "05/12/2026", OFFICIAL_DATE, "member.import.error.dateInFuture"),
                Arguments.of(OFFICIAL_DATE, "", OFFICIAL_DATE, "member.import.error.officialWithoutDate"),
                Arguments.of(OFFICIAL_DATE, "04/06/1995", OFFICIAL_DATE, "member.import.error.officialBeforeAdmission"),
                Arguments.of(PARTY_CARD_NUMBER, "38-007/919", PARTY_CARD_NUMBER, "member.import.error.cardInvalid"),
                Arguments.of(MEMBERSHIP_STATUS, "DB", OFFICIAL_DATE,
                        "member.import.error.probationaryWithOfficialDate"),
                Arguments.of(MEMBERSHIP_STATUS, "Hội viên", MEMBERSHIP_STATUS, "member.import.error.membershipInvalid"),
                Arguments.of(ACTIVITY_STATUS, "Sinh hoạt tạm thời", ACTIVITY_STATUS,
                        "member.import.error.activityInvalid"),
                Arguments.of(PHONE, "12345", PHONE, "member.import.error.phoneInvalid"),
                Arguments.of(PHONE, "0912104729, 0913000000", PHONE, "member.import.error.phoneInvalid"),
                Arguments.of(PHONE, "0112104729", PHONE, "member.import.error.phoneInvalid"),
                Arguments.of(NOTE, "x".repeat(501), NOTE, "member.import.error.tooLong"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rowRejectedNamingColumn(RosterColumn changed, String value, RosterColumn column, String key) {
        PlannedRow row = planRow(changed, value);

        assertThat(row.outcome()).isEqualTo(RowOutcome.REJECTED);
        assertThat(row.row().errors()).extracting(RowProblem::column, RowProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(column, key));
    }

    static Stream<Arguments> acceptedWithWarning() {
        return Stream.of(
                Arguments.of(FULL_NAME, "Thắng", FULL_NAME, "member.import.warning.nameOneWord", "Thắng"),
                Arguments.of(SEX, "X", SEX, "member.import.warning.sexInvalid", null),
                Arguments.of(CELL_ROLE, "Tổ trưởng", CELL_ROLE, "member.import.warning.roleInvalid", null),
                Arguments.of(PARTY_CARD_NUMBER, "", PARTY_CARD_NUMBER, "member.import.warning.officialWithoutCard",
                        null),
                Arguments.of(OFFICIAL_DATE, "05/12/1995", OFFICIAL_DATE, "member.import.warning.probationShort",
                        LocalDate.of(1995, 12, 5)),
                Arguments.of(MEMBERSHIP_STATUS, "", MEMBERSHIP_STATUS, "member.import.warning.membershipInferred",
                        MembershipStatus.OFFICIAL),
                Arguments.of(EMAIL, "thang@", EMAIL, "member.import.warning.emailInvalid", null));
    }

    @ParameterizedTest
    @MethodSource("acceptedWithWarning")
    void rowAcceptedWithWarning(RosterColumn changed, String value, RosterColumn column, String key,
            @Nullable Object stored) {
        PlannedRow row = planRow(changed, value);

        assertThat(row.outcome()).isEqualTo(RowOutcome.NEW);
        assertThat(row.row().warnings()).extracting(RowProblem::column, RowProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(column, key));
        assertThat(changed.valueIn(row.target())).isEqualTo(stored);
    }

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                Arguments.of(FULL_NAME, "NGUYỄN VĂN THẮNG", "Nguyễn Văn Thắng"),
                Arguments.of(FULL_NAME, "  nguyễn   văn thắng ", "Nguyễn Văn Thắng"),
                Arguments.of(FULL_NAME, "Nguyễn Văn THẮNG", "Nguyễn Văn THẮNG"),
                Arguments.of(SEX, "NỮ", Sex.FEMALE),
                Arguments.of(BIRTH_DATE, "12-03-1968", LocalDate.of(1968, 3, 12)),
                Arguments.of(BIRTH_DATE, "12.3.1968", LocalDate.of(1968, 3, 12)),
                Arguments.of(BIRTH_DATE, "1968-03-12", LocalDate.of(1968, 3, 12)),
                Arguments.of(PARTY_CARD_NUMBER, "38 007 919", "38007919"),
                Arguments.of(CELL_ROLE, "PBT", CellRole.CELL_DEPUTY_SECRETARY),
                Arguments.of(CELL_ROLE, "chi ủy viên", CellRole.CELL_COMMITTEE_MEMBER),
                Arguments.of(CELL_ROLE, "Đảng viên", null),
                Arguments.of(CELL_ROLE, "", null),
                Arguments.of(MEMBERSHIP_STATUS, "CT", MembershipStatus.OFFICIAL),
                Arguments.of(ACTIVITY_STATUS, "", ActivityStatus.ACTIVE),
                Arguments.of(ACTIVITY_STATUS, "Miễn SH", ActivityStatus.EXEMPT),
                Arguments.of(ACTIVITY_STATUS, "Miễn sinh hoạt", ActivityStatus.EXEMPT),
                Arguments.of(ACTIVITY_STATUS, "SH tạm thời nơi khác", ActivityStatus.SENT_OUT),
                Arguments.of(ACTIVITY_STATUS, "Sinh hoạt tạm thời tại chi bộ", ActivityStatus.ATTACHED_IN),
                Arguments.of(ACTIVITY_STATUS, "Đình chỉ sinh hoạt", ActivityStatus.SUSPENDED),
                Arguments.of(PHONE, "912104729", "0912104729"),
                Arguments.of(PHONE, "0912.104.729", "0912104729"),
                Arguments.of(PHONE, "+84 912 104 729", "0912104729"),
                Arguments.of(PHONE, "84912104729", "0912104729"),
                Arguments.of(PHONE, "(024) 3825 1234", "02438251234"),
                Arguments.of(EMAIL, "Thang.NV@Example.com", "Thang.NV@Example.com"),
                Arguments.of(NOTE, "x".repeat(500), "x".repeat(500)));
    }

    @ParameterizedTest
    @MethodSource("acceptedValues")
    void valueReadAs(RosterColumn changed, String value, @Nullable Object stored) {
        PlannedRow row = planRow(changed, value);

        assertThat(row.outcome()).isEqualTo(RowOutcome.NEW);
        assertThat(row.row().errors()).isEmpty();
        assertThat(changed.valueIn(row.target())).isEqualTo(stored);
    }

    @Test
    void probationaryCardLeftOut() {
        PlannedRow row = plan(List.of(withValues(MEMBERSHIP_STATUS, "Dự bị", OFFICIAL_DATE, ""))).getFirst();

        assertThat(row.outcome()).isEqualTo(RowOutcome.NEW);
        assertThat(row.target().partyCardNumber()).isNull();
        assertThat(row.target().membershipStatus()).isEqualTo(MembershipStatus.PROBATIONARY);
        assertThat(row.row().warnings()).extracting(RowProblem::messageKey)
                .containsExactly("member.import.warning.probationaryWithCard");
    }

    @Test
    void secondSecretaryLosesOffice() {
        List<String> other = withValues(FULL_NAME, "Trần Văn Hai", PARTY_CARD_NUMBER, "38000002", PHONE,
                "0912000002");
        List<PlannedRow> rows = plan(List.of(VALID, other));

        assertThat(rows.get(0).target().cellRole()).isEqualTo(CellRole.CELL_SECRETARY);
        assertThat(rows.get(1).outcome()).isEqualTo(RowOutcome.NEW);
        assertThat(rows.get(1).target().cellRole()).isNull();
        assertThat(rows.get(1).row().warnings()).extracting(RowProblem::messageKey, RowProblem::arguments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("member.import.warning.secondSecretary",
                        List.of(2)));
    }

    @Test
    void sharedPhoneWarnsLaterRow() {
        List<String> spouse = withValues(FULL_NAME, "Trần Thị Vợ", PARTY_CARD_NUMBER, "38000002", CELL_ROLE, "");
        List<PlannedRow> rows = plan(List.of(VALID, spouse));

        assertThat(rows.get(0).row().warnings()).isEmpty();
        assertThat(rows.get(1).row().warnings()).extracting(RowProblem::messageKey)
                .containsExactly("member.import.warning.phoneShared");
    }

    @Test
    void samePersonTwiceRejected() {
        List<String> again = withValues(PARTY_CARD_NUMBER, "", CELL_ROLE, "");
        List<PlannedRow> rows = plan(List.of(VALID, again));

        assertThat(rows.get(1).outcome()).isEqualTo(RowOutcome.REJECTED);
        assertThat(rows.get(1).row().errors()).extracting(RowProblem::messageKey)
                .containsExactly("member.import.error.personDuplicate");
    }

    private static PlannedRow planRow(RosterColumn column, String value) {
        return plan(List.of(withValues(column, value))).getFirst();
    }

    private static List<String> withValues(Object... columnsAndValues) {
        var row = new java.util.ArrayList<>(VALID);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.set(COLUMNS.indexOf((RosterColumn) columnsAndValues[i]), (String) columnsAndValues[i + 1]);
        }
        return row;
    }

    private static List<PlannedRow> plan(List<List<String>> rows) {
        var text = new StringBuilder(HEADER).append('\n');
        for (List<String> row : rows) {
            text.append(String.join("\t", row)).append('\n');
        }
        RawRoster roster = RosterFileReader.read(text.toString().getBytes(StandardCharsets.UTF_8), 100);
        return ImportPlanner.plan(roster, TODAY, List.of()).rows();
    }
}
