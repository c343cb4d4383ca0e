package vn.chibo.member.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.array;

/**
 * The limits that keep a small roster file from costing much time or memory. They bound the row
 * numbers a sheet may use, blank rows included, the columns read, the cells of a text file and the
 * unpacked size of a workbook.
 */
class RosterFileLimitsTests {

    /** The last column of Excel, XFD. */
    private static final int LAST_COLUMN = 16_383;

    @Test
    void rowLimitFollowsMaxRows() {
        assertThat(RosterTable.maxRowNumber(2000)).isEqualTo(4100);
        assertThat(RosterTable.maxRowNumber(10)).isEqualTo(120);
        assertThat(RosterTable.maxRowNumber(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void sixtyThousandBlankRowsRejected() throws IOException {
        byte[] content = workbookWithBlankRowsInLastColumn(60_000);

        assertThatThrownBy(() -> RosterFileReader.read(content, 2000))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.sheetTooLong")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .satisfies(arguments -> {
                    assertThat((int) arguments[0]).isBetween(4101, 60_002);
                    assertThat(arguments[1]).isEqualTo(4100);
                });
    }

    @Test
    void rowsBeyondLimitRejectedWithoutDimension() throws IOException {
        byte[] content = withoutDimension(workbookWithBlankRowsInLastColumn(200));

        assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("<dimension");
        assertThatThrownBy(() -> RosterFileReader.read(content, 10))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.sheetTooLong")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(121, 120);
    }

    @Test
    void cellsInLastColumnIgnored() throws IOException {
        byte[] content = workbookWithBlankRowsInLastColumn(100);

        RawRoster roster = RosterFileReader.read(content, 2000);

        assertThat(roster.rows()).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.cell(RosterColumn.FULL_NAME).text()).isEqualTo("Lê Văn Ân");
            assertThat(row.cell(RosterColumn.PHONE).text()).isEqualTo("0912314187");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls" })
    void rowFarBelowRosterRejected(String kind) throws IOException {
        byte[] content = workbook(kind.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook(), sheet -> {
            Row far = sheet.createRow(59_999);
            far.createCell(0).setCellValue("");
        });

        assertThatThrownBy(() -> RosterFileReader.read(content, 2000))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.sheetTooLong")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(60_000, 4100);
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls" })
    void blankRowsCountTowardLimit(String kind) throws IOException {
        byte[] atLimit = workbook(kind.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook(),
                sheet -> sheet.createRow(119).createCell(2).setCellValue(" "));
        byte[] beyondLimit = workbook(kind.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook(),
                sheet -> sheet.createRow(120).createCell(2).setCellValue(" "));

        assertThat(RosterFileReader.read(atLimit, 10).rows()).hasSize(1);
        assertThatThrownBy(() -> RosterFileReader.read(beyondLimit, 10))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.sheetTooLong")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(121, 120);
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls" })
    void longSheetBeforeRosterPassedOver(String kind) throws IOException {
        byte[] content;
        try (Workbook workbook = kind.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            Sheet notes = workbook.createSheet("Hướng dẫn");
            notes.createRow(0).createCell(0).setCellValue("Điền danh sách ở trang sau");
            notes.createRow(59_999).createCell(0).setCellValue("Hết");
            Sheet sheet = workbook.createSheet("Danh sách");
            RosterFileReaderTests.header(sheet.createRow(0));
            member(sheet.createRow(1));
            workbook.write(out);
            content = out.toByteArray();
        }

        RawRoster roster = RosterFileReader.read(content, 2000);

        assertThat(roster.rows()).singleElement()
                .satisfies(row -> assertThat(row.cell(RosterColumn.FULL_NAME).text()).isEqualTo("Lê Văn Ân"));
    }

    @Test
    void tableReadsHeaderWidthOnly() {
        var table = new RosterTable(10);
        assertThat(table.columnLimit()).isEqualTo(RosterTable.SEARCHED_COLUMNS);

        table.add(1, List.of(RawCell.text("Báo cáo")));
        table.add(3, List.of(RawCell.text("TT"), RawCell.text("Họ và tên"), RawCell.text("Ngày sinh"),
                RawCell.text("Ngày vào Đảng"), RawCell.BLANK, RawCell.BLANK));
        table.add(4, List.of(RawCell.text("1"), RawCell.text("Lê Văn Ân"), RawCell.text("23/07/1980")));
        assertThat(table.columnLimit()).isEqualTo(RosterTable.SEARCHED_COLUMNS);
        table.add(31, List.of());

        assertThat(table.columnLimit()).isEqualTo(4);
        assertThat(table.finish(RosterFormat.workbook(RosterFormat.Kind.XLSX)).orElseThrow().rows())
                .extracting(RawRow::rowNumber).containsExactly(4);
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "csv" })
    void headerBeyondSearchedColumnsNotFound(String kind) throws IOException {
        int lastSearched = RosterTable.SEARCHED_COLUMNS - 1;

        byte[] within = headerFrom(kind, lastSearched);
        byte[] beyond = headerFrom(kind, lastSearched + 1);

        assertThat(RosterFileReader.read(within, 10).rows()).singleElement()
                .satisfies(row -> assertThat(row.cell(RosterColumn.FULL_NAME).text()).isEqualTo("Lê Văn Ân"));
        assertThatThrownBy(() -> RosterFileReader.read(beyond, 10))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.noHeader");
    }

    @Test
    void textWithTooManyCellsRejected() {
        String header = "Họ và tên,Ngày sinh,Ngày vào Đảng\nLê Văn Ân,23/07/1980,03/02/2008\n";
        String within = header + ",".repeat(12_000 - 4) + "\n";
        String beyond = header + ",".repeat(12_000 - 3) + "\n";

        assertThat(RosterFileReader.read(within.getBytes(StandardCharsets.UTF_8), 10).rows()).hasSize(1);
        assertThatThrownBy(() -> RosterFileReader.read(beyond.getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.tooManyCells")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(12_000L);
    }

    @Test
    void textBlankLinesCountTowardLimit() {
        String header = "Họ và tên,Ngày sinh,Ngày vào Đảng\nLê Văn Ân,23/07/1980,03/02/2008\n";
        String atLimit = header + "\n".repeat(117) + ",,\n";
        String beyondLimit = header + "\n".repeat(118) + ",,\n";

        assertThat(RosterFileReader.read(atLimit.getBytes(StandardCharsets.UTF_8), 10).rows()).hasSize(1);
        assertThatThrownBy(() -> RosterFileReader.read(beyondLimit.getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.sheetTooLong")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(121, 120);
    }

    @Test
    void workbookUnpackingTooLargeRejected() throws IOException {
        var packed = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(packed)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/media/zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= XlsxRosterReader.MAX_UNPACKED_BYTES / zeros.length; i++) {
                zip.write(zeros);
            }
        }

        assertThat(packed.size()).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> RosterFileReader.read(packed.toByteArray(), 2000))
                .isInstanceOf(NotARoster.class)
                .hasMessage("member.import.error.unpackedTooLarge")
                .extracting(rejected -> ((NotARoster) rejected).messageArguments(), array(Object[].class))
                .containsExactly(32L);
    }

    @ParameterizedTest
    @ValueSource(strings = { "xlsx", "xls" })
    void rosterOnLaterSheetWithFormulasRead(String kind) throws IOException {
        byte[] content;
        try (Workbook workbook = kind.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            Sheet notes = workbook.createSheet("Hướng dẫn");
            for (int i = 0; i < 50; i++) {
                notes.createRow(i).createCell(0).setCellValue("Ghi chú " + i);
            }
            Sheet sheet = workbook.createSheet("Danh sách");
            RosterFileReaderTests.header(sheet.createRow(0));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellFormula("\"Lê Văn \"&\"Ân\"");
            row.createCell(1).setCellValue("23/07/1980");
            row.createCell(2).setCellFormula("\"03/02/\"&(2000+8)");
            row.createCell(3).setCellFormula("912314000+187");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            content = out.toByteArray();
        }

        RawRoster roster = RosterFileReader.read(content, 10);
        ImportPlan plan = ImportPlanner.plan(roster, LocalDate.of(2026, 12, 4), List.of());

        assertThat(plan.rows()).singleElement().satisfies(planned -> {
            assertThat(planned.row().errors()).isEmpty();
            assertThat(planned.target().fullName()).isEqualTo("Lê Văn Ân");
            assertThat(planned.target().admissionDate()).isEqualTo(LocalDate.of(2008, 2, 3));
            assertThat(planned.target().phone()).isEqualTo("0912314187");
        });
    }

    @Test
    void longCellTextCutInMessages() {
        String longText = "0912".repeat(5_000);
        String text = "Họ và tên,Ngày sinh,Ngày vào Đảng,Điện thoại\n"
                + "Lê Văn Ân,23/07/1980,03/02/2008," + longText + "\n";

        ImportPlan plan = ImportPlanner.plan(RosterFileReader.read(text.getBytes(StandardCharsets.UTF_8), 10),
                LocalDate.of(2026, 12, 4), List.of());

        RowProblem problem = plan.rows().getFirst().row().errors().getFirst();
        assertThat(problem.messageKey()).isEqualTo("member.import.error.phoneInvalid");
        assertThat((String) problem.arguments().getFirst())
                .hasSize(RosterText.EXCERPT_LENGTH + 1)
                .startsWith("09120912")
                .endsWith("…");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Ngày sinh (dd/mm/yyyy)", "Giới tính (*)", "(1)(2) Họ (và) tên", "(a(b)c)", "((((",
            "Họ và tên (ghi rõ", "))((", "()", "Nơi ở) (hiện nay)", "" })
    void notesRemovedAsRegexWould(String header) {
        assertThat(RosterText.withoutNotes(header)).isEqualTo(header.replaceAll("\\([^)]*\\)", " "));
    }

    @Test
    void longHeaderCutInPreview() {
        String brackets = "(".repeat(20_000);
        String text = "Họ và tên,Ngày sinh,Ngày vào Đảng," + brackets + "\nLê Văn Ân,23/07/1980,03/02/2008,\n";

        RawRoster roster = RosterFileReader.read(text.getBytes(StandardCharsets.UTF_8), 10);

        assertThat(roster.rows()).hasSize(1);
        assertThat(roster.ignoredHeaders()).singleElement().asString()
                .hasSize(RosterText.EXCERPT_LENGTH + 1);
    }

    /** Returns a workbook with a roster of one member, then rows that each hold a blank cell in XFD. */
    private static byte[] workbookWithBlankRowsInLastColumn(int blankRows) throws IOException {
        // The streaming writer keeps only a window of rows in memory, so the test builds the file quickly.
        try (var workbook = new SXSSFWorkbook(100); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            RosterFileReaderTests.header(sheet.createRow(0));
            member(sheet.createRow(1));
            for (int i = 0; i < blankRows; i++) {
                sheet.createRow(2 + i).createCell(LAST_COLUMN);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Returns the workbook with the dimension element left out of its sheets, stored uncompressed. */
    private static byte[] withoutDimension(byte[] workbook) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipArchiveInputStream(new ByteArrayInputStream(workbook));
                var zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] part = in.readAllBytes();
                if (entry.getName().startsWith("xl/worksheets/")) {
                    part = new String(part, StandardCharsets.UTF_8).replaceAll("<dimension [^>]*/>", "")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(part);
            }
        }
        return out.toByteArray();
    }

    private static byte[] workbook(Workbook workbook, Consumer<Sheet> below) throws IOException {
        try (workbook; var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            RosterFileReaderTests.header(sheet.createRow(0));
            member(sheet.createRow(1));
            below.accept(sheet);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Returns a roster whose header starts so that "Ngày vào Đảng" is in the column at the index given. */
    private static byte[] headerFrom(String kind, int lastColumn) throws IOException {
        int first = lastColumn - 2;
        if (kind.equals("csv")) {
            String padding = ",".repeat(first);
            String text = padding + "Họ và tên,Ngày sinh,Ngày vào Đảng\n" + padding + "Lê Văn Ân,23/07/1980,03/02/2008\n";
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            List<String> values = new ArrayList<>(List.of("Họ và tên", "Ngày sinh", "Ngày vào Đảng"));
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            List<String> member = List.of("Lê Văn Ân", "23/07/1980", "03/02/2008");
            for (int i = 0; i < values.size(); i++) {
                header.createCell(first + i).setCellValue(values.get(i));
                row.createCell(first + i).setCellValue(member.get(i));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void member(Row row) {
        row.createCell(0).setCellValue("Lê Văn Ân");
        row.createCell(1).setCellValue("23/07/1980");
        row.createCell(2).setCellValue("03/02/2008");
        row.createCell(3).setCellValue("0912314187");
    }
}
