package vn.chibo.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFormatTests {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource({
            "/documents/du-thao-nghi-quyet-thang-12.pdf, PDF, true",
            "/documents/du-thao-nghi-quyet-thang-12.docx, DOCX, true",
            "/roster/roster.xlsx, XLSX, true",
            "/documents/du-thao-nghi-quyet-thang-12.docx, PDF, false",
            "/documents/du-thao-nghi-quyet-thang-12.docx, XLSX, false",
            "/documents/du-thao-nghi-quyet-thang-12.docx, ODT, false",
            "/roster/roster.xlsx, DOCX, false",
            "/documents/du-thao-nghi-quyet-thang-12.pdf, DOC, false",
            "/documents/du-thao-nghi-quyet-thang-12.pdf, JPEG, false",
            "/roster/roster-utf8.csv, XLS, false" })
    void contentMatchesOnlyItsFormat(String sample, DocumentFormat format, boolean matches) throws IOException {
        Path file = copy(sample);

        assertThat(format.matches(file)).isEqualTo(matches);
    }

    @Test
    void signaturesOfImagesAndOpenDocument() throws IOException {
        Path png = write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 });
        Path jpeg = write(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0 });
        byte[] odt = new byte[120];
        System.arraycopy(new byte[] { 'P', 'K', 3, 4 }, 0, odt, 0, 4);
        byte[] entry = "mimetypeapplication/vnd.oasis.opendocument.text".getBytes();
        System.arraycopy(entry, 0, odt, 30, entry.length);
        Path openDocument = write(odt);

        assertThat(DocumentFormat.PNG.matches(png)).isTrue();
        assertThat(DocumentFormat.JPEG.matches(png)).isFalse();
        assertThat(DocumentFormat.JPEG.matches(jpeg)).isTrue();
        assertThat(DocumentFormat.ODT.matches(openDocument)).isTrue();
        assertThat(DocumentFormat.ODS.matches(openDocument)).isFalse();
    }

    @ParameterizedTest(name = "{0} claims {1}")
    @CsvSource({
            "Dự thảo.PDF, PDF",
            "bien-ban.docx, DOCX",
            "anh.JPEG, JPEG",
            "anh.jpg, JPEG",
            "bao-cao.ods, ODS" })
    void extensionClaimsFormat(String name, DocumentFormat format) {
        assertThat(DocumentFormat.claimedBy(name)).contains(format);
    }

    @Test
    void unknownExtensionsClaimNothing() {
        assertThat(DocumentFormat.claimedBy("cai-dat.exe")).isEmpty();
        assertThat(DocumentFormat.claimedBy("khong-duoi")).isEmpty();
        assertThat(DocumentFormat.claimedBy("trang.html")).isEmpty();
    }

    @Test
    void fileNameKeepsLastPartAndExtension() {
        assertThat(MeetingDocuments.cleanFileName("C:\\Tài liệu\\bien-ban.pdf")).isEqualTo("bien-ban.pdf");
        assertThat(MeetingDocuments.cleanFileName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(MeetingDocuments.cleanFileName("a\u0000b.pdf")).isEqualTo("ab.pdf");
        String longName = "x".repeat(300) + ".docx";
        assertThat(MeetingDocuments.cleanFileName(longName)).hasSize(255).endsWith(".docx");
    }

    private Path copy(String resource) throws IOException {
        try (InputStream in = DocumentFormatTests.class.getResourceAsStream(resource)) {
            return write(in.readAllBytes());
        }
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(folder, "sample", ".bin"), content);
    }
}
