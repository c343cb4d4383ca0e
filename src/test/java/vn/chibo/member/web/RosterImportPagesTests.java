package vn.chibo.member.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SqlTest
@AutoConfigureMockMvc
class RosterImportPagesTests {

    private static final Pattern DIGEST = Pattern.compile("name=\"digest\" value=\"([0-9a-f]{64})\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Members members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void secretaryImportsThroughPreview() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);
        long cell = commune.cell().id().value();

        String previewUrl = upload(session, cell, "danh-sach.xlsx", SampleFiles.roster("roster.xlsx"));
        String preview = mvc.perform(get(previewUrl).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("Xem trước: danh-sach.xlsx", "Tệp bảng tính Excel.", "Nguyễn Văn Thắng",
                "Dòng 7 (STT 1)", "Đinh Thị Ỷ Lan", "Khi xác nhận: thêm 36 đảng viên, cập nhật 0 đảng viên.");
        assertThat(members.ofCell(commune.cell().id())).isEmpty();

        mvc.perform(post(previewUrl + "/confirm").param("digest", digestOf(preview)).session(session).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/cells/" + cell + "/members"));

        assertThat(members.ofCell(commune.cell().id())).hasSize(36);
        mvc.perform(get("/cells/{cell}/members", cell).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Phạm Thị Ánh")));
    }

    @Test
    void uploadFieldCarriesTheLimit() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);

        String page = mvc.perform(get("/cells/{id}/members/import", commune.cell().id().value()).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-max-bytes=\"" + 20L * 1024 * 1024 + "\"")
                .contains("data-too-large=\"Tệp lớn hơn 20 MB, quá lớn cho một danh sách đảng viên.");
    }

    @Test
    void previewShowsRowErrorsInVietnamese() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);

        String previewUrl = upload(session, commune.cell().id().value(), "loi.csv",
                SampleFiles.roster("roster-with-errors.csv"));
        String preview = mvc.perform(get(previewUrl).session(session))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(preview).contains("Dòng 3 (STT 2), cột «Họ và tên»: bỏ trống, nhưng cột này bắt buộc phải có.",
                "Dòng 6 (STT 5), cột «Số thẻ đảng viên»: số thẻ 41000001 trùng với dòng 2.",
                "Dòng 10 (STT 9), cột «Email»: «quyen@@example.com» không phải là địa chỉ email nên được bỏ qua.",
                "Tệp văn bản, bảng mã UTF-8, phân cách bằng dấu phẩy.");
    }

    @Test
    void previewInEnglishNamesRowAndColumn() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);

        String previewUrl = upload(session, commune.cell().id().value(), "loi.csv",
                SampleFiles.roster("roster-with-errors.csv"));
        String preview = mvc.perform(get(previewUrl).param("lang", "en").session(session))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(preview).contains(
                "Row 4 (no. 3), column &quot;Ngày sinh&quot;: the date &quot;31/02/1980&quot; does not exist.");
    }

    @Test
    void confirmingTwiceAnswers409() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);
        String previewUrl = upload(session, commune.cell().id().value(), "ds.csv",
                SampleFiles.roster("roster-utf8.csv"));
        String digest = digestOf(mvc.perform(get(previewUrl).session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        mvc.perform(post(previewUrl + "/confirm").param("digest", digest).session(session).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post(previewUrl + "/confirm").param("digest", digest).session(session).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Lần nhập này đã được xác nhận rồi")));

        assertThat(members.ofCell(commune.cell().id())).hasSize(36);
    }

    @Test
    void importPagesHiddenFromOtherCells() throws Exception {
        var commune = fixtures.commune();
        Organization otherCell = fixtures.cellUnder(commune.committee());
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MemberId plain = fixtures.member(commune.cell(), "Lê Văn Thường", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor plainMember = fixtures.account(commune.cell(), plain, Role.MEMBER);
        MemberId outsider = fixtures.member(otherCell, "Trần Văn Ngoài", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor otherCellsSecretary = fixtures.account(otherCell, outsider, Role.MEMBER, Role.CELL_SECRETARY);
        long cell = commune.cell().id().value();
        String previewUrl = upload(SignIn.as(mvc, secretary), cell, "ds.csv", SampleFiles.roster("roster-utf8.csv"));
        long importId = Long.parseLong(previewUrl.substring(previewUrl.lastIndexOf('/') + 1));

        MockHttpSession outsiderSession = SignIn.as(mvc, otherCellsSecretary);
        MockHttpSession memberSession = SignIn.as(mvc, plainMember);
        for (var request : new String[] { "/cells/" + cell + "/members/import", previewUrl }) {
            mvc.perform(get(request).session(outsiderSession)).andExpect(status().isNotFound());
            mvc.perform(get(request).session(memberSession)).andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/cells/{cell}/members/import", cell).file(csv("x.csv",
                SampleFiles.roster("roster-utf8.csv")))
                .session(outsiderSession).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(multipart("/cells/{cell}/members/import", cell).file(csv("x.csv",
                SampleFiles.roster("roster-utf8.csv")))
                .session(memberSession).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(previewUrl + "/confirm").param("digest", "0").session(outsiderSession).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(previewUrl + "/confirm").param("digest", "0").session(memberSession).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cells/{other}/members/import/{id}/confirm", otherCell.id().value(), importId)
                .param("digest", "0").session(outsiderSession).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(members.ofCell(commune.cell().id())).hasSize(1);
        assertThat(members.ofCell(otherCell.id())).hasSize(1);
    }

    static Stream<Arguments> notRosters() throws IOException {
        return Stream.of(
                Arguments.of("nghi-quyet.pdf", SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf"),
                        "Đây là tệp PDF"),
                Arguments.of("anh.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 },
                        "Đây là tệp ảnh hoặc video"),
                Arguments.of("ghi-chep.csv", "Ngày,Nội dung,Người ghi\n01/12/2026,Họp chi bộ,Thắng\n"
                        .getBytes(StandardCharsets.UTF_8), "Không tìm thấy dòng tiêu đề"),
                Arguments.of("thieu-ngay-sinh.csv", "Họ và tên,Giới tính,Số điện thoại\nLê Văn A,Nam,0912000000\n"
                        .getBytes(StandardCharsets.UTF_8), "Danh sách thiếu cột «Ngày sinh»"),
                Arguments.of("trong.csv", new byte[0], "Tệp này trống"),
                Arguments.of("khong-tieu-de.xlsx", workbookWithoutHeader(), "Không tìm thấy dòng tiêu đề"),
                Arguments.of("hong.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, "Không mở được tệp này"),
                Arguments.of("dong-trong.xlsx", workbookWithRowFarBelow(),
                        "Trang tính có dòng thứ 150000, trong khi danh sách đảng viên chỉ được dùng tới dòng 100100"),
                Arguments.of("qua-nhieu-o.csv", ("Họ và tên,Ngày sinh,Ngày vào Đảng\n" + ",".repeat(10_100_000))
                        .getBytes(StandardCharsets.UTF_8), "Tệp có quá nhiều ô cho một danh sách đảng viên"),
                Arguments.of("qua-lon.csv", new byte[20 * 1024 * 1024 + 1], "Tệp lớn hơn 20 MB"));
    }

    @ParameterizedTest
    @MethodSource("notRosters")
    void notRosterRejectedAndNothingStored(String fileName, byte[] content, String message) throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);
        long filesBefore = count("stored_file");
        long importsBefore = count("roster_import");

        mvc.perform(multipart("/cells/{cell}/members/import", commune.cell().id().value())
                        .file(csv(fileName, content)).session(session).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(message)));

        assertThat(count("stored_file")).isEqualTo(filesBefore);
        assertThat(count("roster_import")).isEqualTo(importsBefore);
    }

    @Test
    void uploadWithoutFileAsksForOne() throws Exception {
        var commune = fixtures.commune();
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);

        mvc.perform(multipart("/cells/{cell}/members/import", commune.cell().id().value())
                        .session(SignIn.as(mvc, secretary)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Xin chọn tệp danh sách")));
    }

    private String upload(MockHttpSession session, long cell, String fileName, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/cells/{cell}/members/import", cell)
                        .file(csv(fileName, content)).session(session).with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/cells/" + cell + "/members/import/");
        return location;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static MockMultipartFile csv(String fileName, byte[] content) {
        return new MockMultipartFile("file", fileName, "application/octet-stream", content);
    }

    private static String digestOf(String page) {
        Matcher matcher = DIGEST.matcher(page);
        assertThat(matcher.find()).as("digest in the preview").isTrue();
        return matcher.group(1);
    }

    /** Returns a roster of one member whose sheet goes on to a blank row 60,000, as a formatted sheet can. */
    private static byte[] workbookWithRowFarBelow() throws IOException {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Danh sách");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Họ và tên");
            header.createCell(1).setCellValue("Ngày sinh");
            header.createCell(2).setCellValue("Ngày vào Đảng");
            var member = sheet.createRow(1);
            member.createCell(0).setCellValue("Lê Văn Ân");
            member.createCell(1).setCellValue("23/07/1980");
            member.createCell(2).setCellValue("03/02/2008");
            sheet.createRow(149_999).createCell(16_383).setCellValue("");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] workbookWithoutHeader() throws IOException {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Trang 1");
            sheet.createRow(0).createCell(0).setCellValue("Báo cáo công tác tháng 11");
            sheet.createRow(2).createCell(1).setCellValue("Nội dung");
            workbook.write(out);
            return out.toByteArray();
        }
    }


}
