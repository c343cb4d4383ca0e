package vn.chibo.member.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.array;

/**
 * The limits and errors of roster files: 50,000 rows, formulas, wrong encodings, files that are no
 * spreadsheet and values that are too long. Each error names the row and what is wrong with it.
 */
public class RosterImportErrorsTests {

    private static final int MAX_ROWS = 50_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String HEADER = "STT,Họ và tên,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên,"
            + "Chính thức/Dự bị,Tình trạng sinh hoạt,Số điện thoại,Quê quán,Nơi ở\r\n";

    @Test
    void fiftyThousandRowsAccepted() {
        byte[] csv = generatedCsv(MAX_ROWS);

        RawRoster roster = RosterFileReader.read(csv, MAX_ROWS);
        ImportPlan plan = ImportPlanner.plan(roster, TODAY, List.of());

        assertThat(csv.length).isLessThan(20 * 1024 * 1024);
        assertThat(roster.rows()).hasSize(MAX_ROWS);
        assertThat(plan.count(RowOutcome.NEW)).isEqualTo(MAX_ROWS);
        assertThat(plan.count(RowOutcome.REJECTED)).isZero();
        assertThat(plan.shownRows()).hasSize(ImportPlan.PREVIEW_ROWS);
        assertThat(plan.rowsToShow()).isEqualTo(MAX_ROWS);
        assertThat(plan.rows().getLast().target().fullName()).isEqualTo(name(MAX_ROWS));
    }

    @Test
    void fiftyThousandRowWorkbookAccepted() throws IOException {
        byte[] xlsx = generatedWorkbook(MAX_ROWS);

        RawRoster roster = RosterFileReader.read(xlsx, MAX_ROWS);

        assertThat(roster.rows()).hasSize(MAX_ROWS);
        assertThat(roster.rows().getLast().cell(RosterColumn.FULL_NAME).text()).isEqualTo(name(MAX_ROWS));
    }

    @Test
    void rowBeyondFiftyThousandRejected() {
        assertThatThrownBy(() -> RosterFileReader.read(generatedCsv(MAX_ROWS + 1), MAX_ROWS))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.tooManyRows")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(MAX_ROWS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls" })
    void formulaTakenAsComputedValue(String kind) throws IOException {
        byte[] file = workbookWithFormulas(kind.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook());

        ImportPlan plan = ImportPlanner.plan(RosterFileReader.read(file, 100), TODAY, List.of());

        RosterRow computed = plan.rows().get(0).row();
        assertThat(computed.isRejected()).isFalse();
        assertThat(computed.values().fullName()).isEqualTo("Lê Văn Tính");
        assertThat(computed.warnings()).extracting(RowProblem::column, RowProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RosterColumn.FULL_NAME,
                        "member.import.warning.formula"));
        RosterRow broken = plan.rows().get(1).row();
        assertThat(broken.rowNumber()).isEqualTo(3);
        assertThat(broken.isRejected()).isTrue();
        assertThat(broken.errors()).extracting(RowProblem::column, RowProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RosterColumn.BIRTH_DATE,
                        "member.import.error.formulaNoValue"));
    }

    @Test
    void formulaTextInCsvRejected() {
        String text = "Họ và tên,Ngày sinh,Ngày vào Đảng\r\n=HYPERLINK(\"http://x\"),01/01/1970,01/01/1990\r\n"
                + "Lê Văn Ân,01/01/1970,01/01/1990\r\n";

        ImportPlan plan = plan(text.getBytes(StandardCharsets.UTF_8));

        assertThat(plan.rows().get(0).row().rowNumber()).isEqualTo(2);
        assertThat(plan.rows().get(0).row().errors()).extracting(RowProblem::messageKey)
                .containsExactly("member.import.error.formulaText");
        assertThat(plan.rows().get(1).outcome()).isEqualTo(RowOutcome.NEW);
    }

    @Test
    void windows1258FileReadWithNotice() throws IOException {
        byte[] legacy = SampleFiles.roster("roster-cp1258.csv");

        RawRoster roster = RosterFileReader.read(legacy, 100);

        assertThat(roster.format().charset()).isEqualTo("windows-1258");
        assertThat(roster.format().firstNonUtf8Row()).isGreaterThan(0);
        assertThat(new String(legacy, Charset.forName("windows-1258")).lines().toList()
                .get(roster.format().firstNonUtf8Row() - 1).chars().anyMatch(c -> c > 0x7F)).isTrue();
    }

    @Test
    void windows1252LettersLostRejectedByRow() {
        // English Windows saves "Nguyễn Văn Ơn" in windows-1252, which has no "ễ", "ă" or "Ơ": each becomes "?".
        String typed = "Ho va ten;Ngay sinh;Ngay vao Dang\r\nLê Hà Ánh;01/01/1970;01/01/1990\r\n"
                + "Nguyễn Văn Ơn;02/02/1972;01/01/1995\r\n";
        String withDiacriticHeaders = "Họ và tên;Ngày sinh;Ngày vào Đảng\r\nLê Thị Ánh;01/01/1970;01/01/1990\r\n";
        Charset windows1252 = Charset.forName("windows-1252");

        ImportPlan plan = plan(typed.getBytes(windows1252));

        assertThat(plan.rows().get(0).outcome()).isEqualTo(RowOutcome.NEW);
        assertThat(plan.rows().get(1).row().rowNumber()).isEqualTo(3);
        assertThat(plan.rows().get(1).row().errors()).extracting(RowProblem::messageKey)
                .containsExactly("member.import.error.replacementCharacter");
        assertThatThrownBy(() -> RosterFileReader.read(withDiacriticHeaders.getBytes(windows1252), 100))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.lettersLost")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(1);
    }

    @Test
    void bytesUndefinedInWindows1258Rejected() {
        byte[] text = "Họ và tên,Ngày sinh,Ngày vào Đảng\nA\u00e0 B,01/01/1970,01/01/1990\n".getBytes(
                Charset.forName("windows-1258"));
        byte[] broken = new byte[text.length + 4];
        System.arraycopy(text, 0, broken, 0, text.length);
        broken[text.length] = 'X';
        broken[text.length + 1] = (byte) 0x81;
        broken[text.length + 2] = ',';
        broken[text.length + 3] = '\n';

        assertThatThrownBy(() -> RosterFileReader.read(broken, 100))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.notUtf8")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(3);
    }

    @Test
    void filesThatAreNoSpreadsheetRejected() throws IOException {
        byte[] pdf = SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf");
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

        assertThatThrownBy(() -> RosterFileReader.read(pdf, 100)).hasMessage("member.import.error.pdf");
        assertThatThrownBy(() -> RosterFileReader.read(png, 100)).hasMessage("member.import.error.image");
        assertThatThrownBy(() -> RosterFileReader.read(new byte[0], 100)).hasMessage("member.import.error.empty");
        assertThatThrownBy(() -> RosterFileReader.read(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, 100))
                .hasMessage("member.import.error.empty");
        // A zip that is no workbook, such as a renamed archive.
        assertThatThrownBy(() -> RosterFileReader.read(new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 }, 100))
                .hasMessage("member.import.error.unreadableWorkbook");
    }

    @Test
    void overLongValuesRejectedByRow() {
        String text = HEADER + "1," + "Nguyễn Văn " + "A".repeat(120) + ",01/01/1970,01/01/1990,01/01/1991,1,"
                + "Chính thức,,0912000001,Minh An,Thôn 1\r\n"
                + "2,Lê Văn Bình,01/01/1970,01/01/1990,01/01/1991,2,Chính thức,,0912000002," + "Q".repeat(201)
                + ",Thôn 2\r\n";

        ImportPlan plan = plan(text.getBytes(StandardCharsets.UTF_8));

        assertThat(plan.rows()).extracting(row -> row.row().rowNumber()).containsExactly(2, 3);
        assertThat(plan.rows().get(0).row().errors()).extracting(RowProblem::column, RowProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RosterColumn.FULL_NAME,
                        "member.import.error.tooLong"));
        assertThat(plan.rows().get(1).row().errors()).extracting(RowProblem::column, RowProblem::argumentArray)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RosterColumn.HOMETOWN, new Object[] { 200 }));
    }

    private static ImportPlan plan(byte[] content) {
        return ImportPlanner.plan(RosterFileReader.read(content, 100), TODAY, List.of());
    }

    private static final String[] SYLLABLES = { "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Khánh",
        "Lan", "Minh", "Ngọc", "Oanh", "Phúc", "Quân", "Sơn", "Thảo", "Uyên", "Vinh", "Yến" };

    /** Returns a name of letters only, different for every number below 160,000. */
    static String name(int number) {
        return "Nguyễn " + SYLLABLES[number / 8000 % 20] + " " + SYLLABLES[number / 400 % 20] + " "
                + SYLLABLES[number / 20 % 20] + " " + SYLLABLES[number % 20];
    }

    /** Generates a roster of members in the columns of an export, as one CSV file. */
    public static byte[] generatedCsv(int rows) {
        var text = new StringBuilder(rows * 140).append('\uFEFF').append(HEADER);
        for (int i = 1; i <= rows; i++) {
            text.append(i).append(',').append(name(i)).append(',')
                    .append(String.format("%02d/%02d/19%02d", 1 + i % 28, 1 + i % 12, 40 + i % 40)).append(',')
                    .append("15/03/2000,15/03/2001,").append(10_000_000 + i).append(",Chính thức,Đang sinh hoạt,")
                    .append(String.format("09%08d", i)).append(",Xã Minh An,Thôn ").append(i % 40).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] generatedWorkbook(int rows) throws IOException {
        try (var workbook = new SXSSFWorkbook(100); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            RosterFileReaderTests.header(sheet.createRow(0));
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(name(i));
                row.createCell(1).setCellValue(String.format("%02d/%02d/1970", 1 + i % 28, 1 + i % 12));
                row.createCell(2).setCellValue("03/02/2008");
                row.createCell(3).setCellValue(String.format("09%08d", i));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] workbookWithFormulas(Workbook workbook) throws IOException {
        try (workbook; var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            RosterFileReaderTests.header(sheet.createRow(0));
            Row computed = sheet.createRow(1);
            computed.createCell(0).setCellFormula("\"Lê Văn \"&\"Tính\"");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(computed.getCell(0));
            computed.createCell(1).setCellValue("01/01/1970");
            computed.createCell(2).setCellValue("03/02/2008");
            Row broken = sheet.createRow(2);
            broken.createCell(0).setCellValue("Lê Văn Hỏng");
            broken.createCell(1).setCellFormula("1/0");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(broken.getCell(1));
            broken.createCell(2).setCellValue("03/02/2008");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
