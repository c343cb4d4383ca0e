package vn.chibo.member.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.chibo.member.importing.RosterFormat.Kind;
import vn.chibo.member.importing.RosterFormat.Separator;

import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterFileReaderTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void sampleFormatsDetected() throws IOException {
        assertThat(RosterFileReader.read(SampleFiles.roster("roster-utf8.csv"), 100).format())
                .isEqualTo(new RosterFormat(Kind.TEXT, "UTF-8", Separator.COMMA));
        assertThat(RosterFileReader.read(SampleFiles.roster("roster-cp1258.csv"), 100).format())
                .isEqualTo(new RosterFormat(Kind.TEXT, "windows-1258", Separator.SEMICOLON, 1));
        assertThat(RosterFileReader.read(SampleFiles.roster("roster-nfd.csv"), 100).format())
                .isEqualTo(new RosterFormat(Kind.TEXT, "UTF-8", Separator.TAB));
        RawRoster workbook = RosterFileReader.read(SampleFiles.roster("roster.xlsx"), 100);
        assertThat(workbook.format()).isEqualTo(new RosterFormat(Kind.XLSX, null, null));
        assertThat(workbook.labels()).containsEntry(RosterColumn.SEX, "Nam/Nữ")
                .containsEntry(RosterColumn.PARTY_CARD_NUMBER, "Số thẻ")
                .containsEntry(RosterColumn.MEMBERSHIP_STATUS, "CT/DB");
        assertThat(workbook.rows()).hasSize(36);
        assertThat(workbook.rows().getFirst().rowNumber()).isEqualTo(7);
    }

    @Test
    void unicodeTextWithTabsRead() {
        byte[] content = withBom(StandardCharsets.UTF_16LE, new byte[] { (byte) 0xFF, (byte) 0xFE },
                "Họ và tên\tNgày sinh\tNgày vào Đảng\nLê Văn Ân\t23/07/1980\t03/02/2008\n");

        RawRoster roster = RosterFileReader.read(content, 100);

        assertThat(roster.format()).isEqualTo(new RosterFormat(Kind.TEXT, "UTF-16LE", Separator.TAB));
        assertThat(roster.rows()).singleElement()
                .satisfies(row -> assertThat(row.cell(RosterColumn.FULL_NAME).text()).isEqualTo("Lê Văn Ân"));
    }

    @Test
    void titleRowsAndSummaryLinesSkipped() {
        String text = """
                ĐẢNG BỘ XÃ MINH AN;;;
                CHI BỘ THÔN HÒA BÌNH 3;;;
                ;;;
                TT;Họ và tên;Ngày sinh;Ngày vào Đảng;Nơi ở
                (1);(2);(3);(4);(5)
                1;Tống Công Thành;01/02/1970;03/02/1995;"Xóm Bắc; thôn Hòa Bình 3"
                ;;;
                TT;Họ và tên;Ngày sinh;Ngày vào Đảng;Nơi ở
                2;Lê Thị Hoa;05/06/1975;19/05/2000;Xóm Nam
                3;;;
                ;Tổng cộng: 2 đảng viên;;
                """;

        RawRoster roster = RosterFileReader.read(text.getBytes(StandardCharsets.UTF_8), 100);

        assertThat(roster.format().separator()).isEqualTo(Separator.SEMICOLON);
        assertThat(roster.rows()).extracting(row -> row.cell(RosterColumn.FULL_NAME).text())
                .containsExactly("Tống Công Thành", "Lê Thị Hoa");
        assertThat(roster.rows()).extracting(RawRow::rowNumber).containsExactly(6, 9);
        assertThat(roster.rows().getFirst().cell(RosterColumn.ADDRESS).text()).isEqualTo("Xóm Bắc; thôn Hòa Bình 3");
    }

    @Test
    void unknownColumnsListedAsIgnored() {
        String text = """
                Họ và tên,Ngày sinh,Ngày vào Đảng,Quê quán,Dân tộc
                Lê Văn Ân,23/07/1980,03/02/2008,Nam Định,Kinh
                """;

        RawRoster roster = RosterFileReader.read(text.getBytes(StandardCharsets.UTF_8), 100);
        ImportPlan plan = ImportPlanner.plan(roster, TODAY, List.of());

        assertThat(roster.ignoredHeaders()).containsExactly("Dân tộc");
        assertThat(plan.missingColumns()).contains(RosterColumn.PHONE, RosterColumn.MEMBERSHIP_STATUS)
                .doesNotContain(RosterColumn.ORDINAL, RosterColumn.FULL_NAME);
        assertThat(plan.rows().getFirst().outcome()).isEqualTo(RowOutcome.NEW);
        assertThat(plan.rows().getFirst().target().membershipStatus())
                .isEqualTo(vn.chibo.member.MembershipStatus.PROBATIONARY);
    }

    @Test
    void oldExcelWorkbookRead() throws IOException {
        byte[] content = workbook(new HSSFWorkbook());

        RawRoster roster = RosterFileReader.read(content, 100);
        ImportPlan plan = ImportPlanner.plan(roster, TODAY, List.of());

        assertThat(roster.format().kind()).isEqualTo(Kind.XLS);
        assertThat(plan.rows()).singleElement().satisfies(row -> {
            assertThat(row.row().errors()).isEmpty();
            assertThat(row.target().fullName()).isEqualTo("Lê Văn Ân");
            assertThat(row.target().birthDate()).isEqualTo(LocalDate.of(1980, 7, 23));
            assertThat(row.target().admissionDate()).isEqualTo(LocalDate.of(2008, 2, 3));
            assertThat(row.target().phone()).isEqualTo("0912314187");
        });
    }

    @Test
    void yearTypedAsNumberRejected() throws IOException {
        byte[] content;
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            header(sheet.createRow(0));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Lê Văn Ân");
            row.createCell(1).setCellValue(1980);
            row.createCell(2).setCellValue("03/02/2008");
            row.createCell(3).setCellValue(912314187);
            workbook.write(out);
            content = out.toByteArray();
        }

        ImportPlan plan = ImportPlanner.plan(RosterFileReader.read(content, 100), TODAY, List.of());

        assertThat(plan.rows().getFirst().row().errors()).extracting(RowProblem::messageKey)
                .containsExactly("member.import.error.dateYearOnly");
    }

    @Test
    void tooManyRowsRejected() {
        var text = new StringBuilder("Họ và tên,Ngày sinh,Ngày vào Đảng\n");
        for (int i = 0; i < 11; i++) {
            text.append("Lê Văn Ân,23/07/1980,03/02/2008\n");
        }

        assertThatThrownBy(() -> RosterFileReader.read(text.toString().getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.tooManyRows");
    }

    @Test
    void brokenQuoteReported() {
        String text = "Họ và tên,Ngày sinh,Ngày vào Đảng,Nơi ở\nLê Văn Ân,23/07/1980,03/02/2008,\"Xóm Bắc\n";

        assertThatThrownBy(() -> RosterFileReader.read(text.getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.malformedText");
    }

    @Test
    void binaryFilesRejected() {
        assertThatThrownBy(() -> RosterFileReader.read(new byte[] { 'G', 'I', 'F', '8', '9', 'a' }, 10))
                .hasMessage("member.import.error.image");
        assertThatThrownBy(() -> RosterFileReader.read(new byte[] { 1, 2, 0, 4, 5 }, 10))
                .hasMessage("member.import.error.binary");
        assertThatThrownBy(() -> RosterFileReader.read("  \n\n".getBytes(StandardCharsets.UTF_8), 10))
                .hasMessage("member.import.error.empty");
    }

    private static byte[] workbook(Workbook workbook) throws IOException {
        try (workbook; var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            sheet.createRow(0).createCell(0).setCellValue("DANH SÁCH ĐẢNG VIÊN");
            header(sheet.createRow(2));
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue(" Lê Văn Ân ");
            row.createCell(1).setCellValue(LocalDate.of(1980, 7, 23));
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            row.getCell(1).setCellStyle(dateStyle);
            row.createCell(2).setCellValue("03/02/2008");
            row.createCell(3).setCellValue(912314187);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Writes the header row that the workbook tests of this package share. */
    static void header(Row row) {
        row.createCell(0).setCellValue("Họ và tên");
        row.createCell(1).setCellValue("Ngày sinh");
        row.createCell(2).setCellValue("Ngày vào Đảng");
        row.createCell(3).setCellValue("Điện thoại");
    }

    private static byte[] withBom(Charset charset, byte[] bom, String text) {
        byte[] body = text.getBytes(charset);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);
        return content;
    }
}
