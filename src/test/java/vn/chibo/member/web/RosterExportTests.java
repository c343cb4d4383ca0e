package vn.chibo.member.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;
import vn.chibo.member.importing.RosterImport;
import vn.chibo.member.importing.RosterImports;
import vn.chibo.member.importing.RowOutcome;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.LibreOffice;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The roster's export to CSV and Excel: what Excel and LibreOffice need, the filters and the audit. */
@SqlTest
@AutoConfigureMockMvc
class RosterExportTests {

    private static final String FORMULA = "=HYPERLINK(\"http://example.com\",\"Bấm vào\")";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Members members;

    @Autowired
    RosterImports imports;

    @Autowired
    AuditLog audit;

    @Test
    void csvIsReadyForExcel() throws Exception {
        Village village = village();

        MvcResult result = mvc.perform(post("/cells/{cell}/members/export.csv", village.cell().id().value()).with(csrf())
                        .session(village.session()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();
        byte[] bytes = result.getResponse().getContentAsByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text.substring(1)).startsWith("STT,Họ và tên,Giới tính,Ngày sinh,Quê quán,");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text.split("\r\n")).hasSize(1 + 37);
        assertThat(text).contains("\"'" + FORMULA.replace("\"", "\"\"") + "\"")
                .contains(",'-Cán bộ hưu trí,")
                .contains("\"Thôn 3, xã \"\"Minh An\"\"\"")
                .contains(",'@ghi chú,")
                .contains(",0912 345 001,");
        assertThat(names(text)).containsExactlyElementsOf(RosterPageTests.names(rosterPage(village, "")));
        assertThat(audit.entriesOf(village.cell().id().value(), "member.rosterExported"))
                .extracting(AuditEntry::detail)
                .containsExactly("format=CSV rows=37 membership=null activity=null transfer=null search=false");
    }

    @Test
    void exportFollowsFilters() throws Exception {
        Village village = village();

        String probationary = csv(village, "membership", "PROBATIONARY");
        String searched = csv(village, "q", "dang van");

        assertThat(names(probationary)).hasSize(3)
                .containsExactlyElementsOf(RosterPageTests.names(rosterPage(village, "membership=PROBATIONARY")));
        assertThat(names(searched)).containsExactly("Đặng Văn Nam", "Đặng Văn Ơn");
    }

    @Test
    void xlsxHasTypedCells() throws Exception {
        Village village = village();

        byte[] xlsx = download(village, "export.xlsx");

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("DANH SÁCH ĐẢNG VIÊN CHI BỘ");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Họ và tên");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 37);
            Row first = sheet.getRow(3);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(new DataFormatter().formatCellValue(first.getCell(3))).matches("\\d\\d/\\d\\d/\\d{4}");
            List<String> phones = new ArrayList<>();
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                Cell phone = sheet.getRow(i).getCell(11);
                if (phone != null) {
                    assertThat(phone.getCellType()).isEqualTo(CellType.STRING);
                    phones.add(phone.getStringCellValue());
                }
            }
            assertThat(phones).isNotEmpty().allMatch(phone -> phone.startsWith("0"));
        }
    }

    @Test
    void exportImportsAgainUnchanged() throws Exception {
        Village village = village();
        byte[] xlsx = download(village, "export.xlsx");
        Organization copy = fixtures.cellUnder(village.committee());
        Actor copySecretary = fixtures.accountWithoutMember(copy, Role.CELL_SECRETARY);

        var id = imports.upload(copySecretary, copy.id(), "export.xlsx", xlsx);
        var plan = imports.preview(copySecretary, copy.id(), id).plan();

        assertThat(plan).isNotNull();
        assertThat(plan.count(RowOutcome.NEW)).isEqualTo(37);
        assertThat(plan.count(RowOutcome.REJECTED)).isZero();
        RosterImport.Result result = imports.confirm(copySecretary, copy.id(), id, plan.digest());
        assertThat(result.added()).isEqualTo(37);
        assertThat(members.ofCell(copy.id())).extracting(member -> member.fullName() + member.birthDate()
                        + member.activityStatus() + member.phone() + member.hometown())
                .containsExactlyElementsOf(members.ofCell(village.cell().id()).stream()
                        .map(member -> member.fullName() + member.birthDate() + member.activityStatus()
                                + member.phone() + member.hometown()).toList());
    }

    @Test
    void libreOfficeOpensBothFormats() throws Exception {
        Village village = village();
        byte[] csv = download(village, "export.csv");
        byte[] xlsx = download(village, "export.xlsx");

        // CSV as Calc opens it (comma, double quote, UTF-8), saved as a workbook and read back.
        byte[] fromCsv = LibreOffice.convert(csv, "danh-sach.csv", "xlsx", "xlsx", "CSV:44,34,76");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(fromCsv))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Họ và tên");
            List<String> names = new ArrayList<>();
            Cell formula = null;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                names.add(sheet.getRow(i).getCell(1).getStringCellValue());
                Cell note = sheet.getRow(i).getCell(15);
                if (note != null && note.getCellType() != CellType.BLANK && note.toString().contains("HYPERLINK")) {
                    formula = note;
                }
            }
            assertThat(names).containsExactlyElementsOf(names(new String(csv, StandardCharsets.UTF_8)));
            assertThat(names).contains("Đặng Văn Ơn", "Nguyễn Thị Ngọc Hà", "Đinh Thị Ỷ Lan");
            assertThat(formula).isNotNull();
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            List<String> phones = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Cell phone = sheet.getRow(i).getCell(11);
                if (phone != null && phone.getCellType() != CellType.BLANK) {
                    phones.add(new DataFormatter().formatCellValue(phone));
                }
            }
            // Calc keeps the leading 0 of every phone number, as Excel does, because the digits are grouped.
            assertThat(phones).isNotEmpty().allMatch(phone -> phone.matches("0\\d{3} \\d{3} \\d{3}"));
        }

        // The workbook as Calc opens it, saved as UTF-8 CSV and read back.
        byte[] fromXlsx = LibreOffice.convert(xlsx, "danh-sach.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76",
                "csv", null);
        String text = new String(fromXlsx, StandardCharsets.UTF_8);
        assertThat(text).contains("Họ và tên", "Đặng Văn Ơn", "Nguyễn Thị Ngọc Hà", "Miễn công tác và sinh hoạt đảng",
                "Xã Minh An");
    }

    /** The village roster with one member whose values need care in CSV. */
    private record Village(Organization committee, Organization cell, MockHttpSession session) {
    }

    private Village village() throws Exception {
        Fixtures.Commune commune = fixtures.commune();
        fixtures.villageRoster(commune.cell());
        members.add(commune.cell().id(), new NewMember("Lương Thị Mẫu", Sex.FEMALE, LocalDate.of(1960, 2, 3),
                LocalDate.of(1985, 4, 5), LocalDate.of(1986, 4, 5), "88000123", null, MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE, "0912345001", "@ghi chú", "-Cán bộ hưu trí", "Thôn 3, xã \"Minh An\"", FORMULA,
                "Xã Minh An"));
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        return new Village(commune.committee(), commune.cell(), SignIn.as(mvc, secretary));
    }

    private byte[] download(Village village, String file) throws Exception {
        return mvc.perform(post("/cells/{cell}/members/" + file, village.cell().id().value()).with(csrf())
                        .session(village.session()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private String csv(Village village, String parameter, String value) throws Exception {
        return mvc.perform(post("/cells/{cell}/members/export.csv", village.cell().id().value()).param(parameter, value)
                        .with(csrf())
                        .session(village.session()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String rosterPage(Village village, String query) throws Exception {
        return mvc.perform(get("/cells/{cell}/members?" + query, village.cell().id().value()).session(village.session()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Returns the names in the second column of the CSV's data rows. */
    private static List<String> names(String csv) {
        var names = new ArrayList<String>();
        String[] lines = csv.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            names.add(lines[i].split(",", 3)[1]);
        }
        return names;
    }
}
