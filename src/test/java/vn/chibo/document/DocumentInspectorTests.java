package vn.chibo.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

import vn.chibo.testing.LibreOffice;
import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DocumentInspectorTests {

    private static final String DRAFT = "du-thao-nghi-quyet-thang-12";

    @TempDir
    Path folder;

    final DocumentInspector inspector = new DocumentInspector(
            new DocumentProperties(DataSize.ofMegabytes(50), "soffice", Duration.ofSeconds(60), 1));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            DRAFT + ".pdf; PDF; nghị quyết, đảng viên, Nguyễn Văn Thắng, đường giao thông nội đồng",
            DRAFT + ".docx; DOCX; nghị quyết, đảng viên, Nguyễn Văn Thắng, đường giao thông nội đồng",
            "tai-lieu-chuyen-de-quy-iv.pdf; PDF; Lưu hành nội bộ, nghị quyết, đảng viên, chuyển đổi số, Đảng ủy, "
                    + "điểm danh, biểu quyết, ưu tiên, Ủy ban, thường kỳ" })
    void sampleDocumentIsAcceptedWithText(String name, DocumentFileFormat format, String words) throws IOException {
        Inspection inspection = inspector.inspect(write(name, SampleFiles.document(name)), name);

        assertThat(inspection.format()).isEqualTo(format);
        assertThat(inspection.fileName()).isEqualTo(name);
        assertThat(inspection.sizeBytes()).isEqualTo(SampleFiles.document(name).length);
        String text = inspection.text().replaceAll("\\s+", " ");
        for (String word : words.split(",")) {
            assertThat(text).containsIgnoringCase(word.strip());
        }
    }

    @Test
    void pdfCountsItsPages() throws IOException {
        Inspection inspection = inspect("tai-lieu-chuyen-de-quy-iv.pdf", SampleFiles.document("tai-lieu-chuyen-de-quy-iv.pdf"));

        assertThat(inspection.pageCount()).isEqualTo(2);
        assertThat(inspect("a.docx", MadeDocuments.docx("Một đoạn")).pageCount()).isNull();
    }

    @Test
    void sampleStampedSecretIsRefused() throws IOException {
        DocumentRefused refused = refusal("van-ban-mat.pdf", SampleFiles.document("van-ban-mat.pdf"));

        assertThat(refused.messageKey()).isEqualTo("document.refused.secret");
        assertThat(refused.messageArguments()).containsExactly("van-ban-mat.pdf", "MẬT");
    }

    static Stream<Arguments> madeDocuments() {
        return Stream.of(
                Arguments.of("bien-ban.odt", DocumentFileFormat.ODT,
                        MadeDocuments.odt("Biên bản họp chi bộ", "Đảng viên thảo luận Nghị quyết tháng 12")),
                Arguments.of("danh-sach.ods", DocumentFileFormat.ODS,
                        MadeDocuments.ods("Họ và tên|Nghị quyết", "Nguyễn Văn An|tán thành")),
                Arguments.of("danh-sach.xlsx", DocumentFileFormat.XLSX,
                        MadeDocuments.xlsx("Họ và tên|Nghị quyết", "Nguyễn Văn An|tán thành")),
                Arguments.of("anh.png", DocumentFileFormat.PNG, image("png")),
                Arguments.of("anh.jpg", DocumentFileFormat.JPEG, image("jpeg")),
                Arguments.of("anh.JPEG", DocumentFileFormat.JPEG, image("jpeg")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("madeDocuments")
    void madeDocumentIsAccepted(String name, DocumentFileFormat format, byte[] content) throws IOException {
        Inspection inspection = inspect(name, content);

        assertThat(inspection.format()).isEqualTo(format);
        if (format.isImage()) {
            assertThat(inspection.text()).isEmpty();
        }
        else {
            assertThat(inspection.text()).contains("Nghị quyết").contains("\n");
        }
    }

    @Test
    void libreOfficeFilesAreRead() throws Exception {
        byte[] odt = LibreOffice.convert(SampleFiles.document(DRAFT + ".docx"), "a.docx", "odt", "odt", null);
        byte[] ods = LibreOffice.convert(MadeDocuments.xlsx("Họ và tên|Nghị quyết", "Nguyễn Văn An|tán thành"),
                "b.xlsx", "ods", "ods", null);

        Inspection text = inspect(DRAFT + ".odt", odt);
        Inspection sheet = inspect("danh-sach.ods", ods);

        assertThat(text.format()).isEqualTo(DocumentFileFormat.ODT);
        assertThat(text.text()).contains("NGHỊ QUYẾT", "Nguyễn Văn Thắng");
        assertThat(sheet.format()).isEqualTo(DocumentFileFormat.ODS);
        assertThat(sheet.text()).contains("Nguyễn Văn An", "tán thành");
    }

    static Stream<Arguments> refusedFiles() {
        byte[] draftPdf = SampleFiles.document(DRAFT + ".pdf");
        byte[] draftDocx = SampleFiles.document(DRAFT + ".docx");
        return Stream.of(
                refused("renamed ELF program", "bien-ban.pdf", () -> elf(), "document.refused.executable"),
                refused("renamed Windows program", "bien-ban.docx", () -> windowsProgram(), "document.refused.executable"),
                refused("renamed shell script", "bien-ban.pdf",
                        () -> "#!/bin/sh\necho xin chao\n".getBytes(StandardCharsets.UTF_8), "document.refused.executable"),
                refused("encrypted PDF", "mat-khau.pdf", MadeDocuments::encryptedPdf, "document.refused.encrypted"),
                refused("truncated PDF", "cut.pdf", () -> Arrays.copyOf(draftPdf, 2000), "document.refused.damaged"),
                refused("PDF of junk after its header", "junk.pdf",
                        () -> "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nnothing else".getBytes(StandardCharsets.US_ASCII),
                        "document.refused.damaged"),
                refused("DOCX named PDF", "bien-ban.pdf", () -> draftDocx, "document.refused.mismatch"),
                refused("PDF named DOCX", "bien-ban.docx", () -> draftPdf, "document.refused.mismatch"),
                refused("plain text named PDF", "ghi-chu.pdf", () -> "Ghi chú".getBytes(StandardCharsets.UTF_8),
                        "document.refused.mismatch"),
                refused("unsupported extension", "bien-ban.exe", () -> draftPdf, "document.refused.unsupported"),
                refused("no extension", "bien-ban", () -> draftPdf, "document.refused.unsupported"),
                refused("empty file", "trong.pdf", () -> new byte[0], "document.refused.empty"),
                refused("damaged DOCX", "hong.docx", () -> Arrays.copyOf(draftDocx, draftDocx.length - 200),
                        "document.refused.damaged"),
                refused("image with a huge declared size", "anh.png", () -> MadeDocuments.pngHeader(100_000, 100_000),
                        "document.refused.imageTooLarge"),
                refused("PNG signature with no header", "anh.png",
                        () -> Arrays.copyOf(MadeDocuments.pngHeader(10, 10), 12), "document.refused.damaged"),
                refused("parent folder in the name", "../bien-ban.pdf", () -> draftPdf, "document.refused.nameInvalid"),
                refused("backslash in the name", "a\\b.pdf", () -> draftPdf, "document.refused.nameInvalid"),
                refused("control character in the name", "bien\u0000ban.pdf", () -> draftPdf,
                        "document.refused.nameInvalid"),
                refused("line break in the name", "bien\r\nban.pdf", () -> draftPdf, "document.refused.nameInvalid"),
                refused("bidirectional override in the name", "bien\u202Eban.pdf", () -> draftPdf,
                        "document.refused.nameInvalid"),
                refused("blank name", "  ", () -> draftPdf, "document.refused.nameMissing"),
                refused("name over 255 characters", "x".repeat(252) + ".pdf", () -> draftPdf,
                        "document.refused.nameTooLong"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void fileIsRefusedWithItsReason(String label, String name, byte[] content, String messageKey) throws IOException {
        assertThat(refusal(name, content).messageKey()).isEqualTo(messageKey);
    }

    @Test
    void mismatchNamesWhatTheContentIs() throws IOException {
        DocumentRefused refused = refusal("bien-ban.pdf", SampleFiles.document(DRAFT + ".docx"));

        assertThat(refused.messageArguments()).containsExactly("bien-ban.pdf", "PDF", "DOCX");
    }

    @Test
    void docxBombIsRefused() throws IOException {
        Path bomb = folder.resolve("bom.docx");
        MadeDocuments.writeDocxBomb(bomb, 300);

        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        assertThat(refusal(bomb, "bom.docx").messageKey()).isEqualTo("document.refused.bomb");
    }

    @Test
    void odtBombIsRefused() throws IOException {
        Path bomb = folder.resolve("bom.odt");
        MadeDocuments.writeOdtBomb(bomb, 300);

        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        assertThat(refusal(bomb, "bom.odt").messageKey()).isEqualTo("document.refused.bomb");
    }

    @Test
    void pdfBombIsRefused() throws IOException {
        Path bomb = folder.resolve("bom.pdf");
        MadeDocuments.writePdfBomb(bomb, 400);

        assertThat(Files.size(bomb)).isLessThan(2_000_000);
        assertThat(refusal(bomb, "bom.pdf").messageKey()).isEqualTo("document.refused.bomb");
    }

    @Test
    void fileOverMaximumSizeIsRefused() throws IOException {
        var small = new DocumentInspector(
                new DocumentProperties(DataSize.ofKilobytes(10), "soffice", Duration.ofSeconds(60), 1));
        Path file = write(DRAFT + ".pdf", SampleFiles.document(DRAFT + ".pdf"));

        DocumentRefused refused = catchThrowableOfType(DocumentRefused.class, () -> small.inspect(file, "a.pdf"));

        assertThat(refused.messageKey()).isEqualTo("document.refused.tooLarge");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "TỐI MẬT; TỐI MẬT",
            "TUYỆT MẬT; TUYỆT MẬT",
            "Độ mật: MẬT; MẬT",
            "ĐỘ MẬT: TỐI MẬT; TỐI MẬT" })
    void stampOnFirstPageIsRefused(String stamp, String level) throws IOException {
        String page = "ĐẢNG BỘ XÃ MINH AN\n" + stamp + "\nNGHỊ QUYẾT\nvề công tác quốc phòng";

        for (var file : new Object[][] { { "mat.pdf", MadeDocuments.pdf(page) },
                { "mat.docx", MadeDocuments.docx(page.split("\n")) }, { "mat.odt", MadeDocuments.odt(page.split("\n")) } }) {
            DocumentRefused refused = refusal((String) file[0], (byte[]) file[1]);
            assertThat(refused.messageKey()).as((String) file[0]).isEqualTo("document.refused.secret");
            assertThat(refused.messageArguments()[1]).as((String) file[0]).isEqualTo(level);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Đảng viên phải giữ bí mật nội dung cuộc họp theo quy định.",
            "NGHỊ QUYẾT VỀ CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC",
            "HƯỚNG DẪN ĐỔI MẬT KHẨU TÀI KHOẢN",
            "Tài liệu mật tuyệt đối không được soạn thảo trên máy có kết nối Internet.",
            "Sản xuất mật ong ở thôn Hòa Bình 3" })
    void secretInProseIsAccepted(String line) throws IOException {
        String page = "ĐẢNG BỘ XÃ MINH AN\n" + line + "\nNGHỊ QUYẾT";

        assertThat(inspect("a.pdf", MadeDocuments.pdf(page)).format()).isEqualTo(DocumentFileFormat.PDF);
        assertThat(inspect("a.docx", MadeDocuments.docx(page.split("\n"))).format()).isEqualTo(DocumentFileFormat.DOCX);
    }

    @Test
    void stampAfterFirstPageIsAccepted() throws IOException {
        byte[] pdf = MadeDocuments.pdf("NGHỊ QUYẾT\nvề nhiệm vụ tháng 12", "Phụ lục\nMẬT");

        assertThat(inspect("a.pdf", pdf).pageCount()).isEqualTo(2);
    }

    @Test
    void secretDeclaredExplainsTheLaw() {
        assertThat(DocumentRefused.secretDeclared().messageKey()).isEqualTo("document.refused.secretDeclared");
    }

    @Test
    void fileIsLeftWhereItWas() throws IOException {
        Path upload = write("mat.pdf", SampleFiles.document("van-ban-mat.pdf"));

        refusal(upload, "van-ban-mat.pdf");

        assertThat(upload).exists();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(upload);
        }
    }

    @Test
    void contentTypeComesFromBytes() throws IOException {
        assertThat(inspector.contentTypeOf(write("a.docx", SampleFiles.document(DRAFT + ".pdf"))))
                .isEqualTo("application/pdf");
        assertThat(inspector.contentTypeOf(write("b.pdf", elf()))).isEqualTo("application/x-executable");
    }

    private static Arguments refused(String label, String name, Supplier<byte[]> content, String messageKey) {
        return Arguments.of(label, name, content.get(), messageKey);
    }

    private Inspection inspect(String name, byte[] content) throws IOException {
        return inspector.inspect(write("upload", content), name);
    }

    private DocumentRefused refusal(String name, byte[] content) throws IOException {
        return refusal(write("upload", content), name);
    }

    private DocumentRefused refusal(Path upload, String name) {
        DocumentRefused refused = catchThrowableOfType(DocumentRefused.class, () -> inspector.inspect(upload, name));
        assertThat(refused).as("refusal of " + name).isNotNull();
        return refused;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }

    private static byte[] elf() {
        byte[] program = new byte[256];
        System.arraycopy(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1 }, 0, program, 0, 7);
        return program;
    }

    private static byte[] windowsProgram() {
        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        return program;
    }

    private static byte[] image(String format) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(10, 8, BufferedImage.TYPE_INT_RGB), format, out);
        }
        catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toByteArray();
    }
}
