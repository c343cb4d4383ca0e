package vn.chibo.document.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.document.MadeDocuments;
import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDetectorTests {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "documents/du-thao-nghi-quyet-thang-12.pdf, application/pdf, PDF",
            "documents/du-thao-nghi-quyet-thang-12.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document, DOCX",
            "roster/roster.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, XLSX",
            "roster/roster-utf8.csv, text/plain, text/plain" })
    void sampleIsDetectedByContent(String sample, String contentType, String label) throws IOException {
        String[] parts = sample.split("/");
        byte[] content = parts[0].equals("documents") ? SampleFiles.document(parts[1]) : SampleFiles.roster(parts[1]);

        DetectedContent detected = ContentDetector.detect(write(content));

        assertThat(detected.contentType()).isEqualTo(contentType);
        assertThat(detected.label()).isEqualTo(label);
        assertThat(detected.executable()).isFalse();
    }

    @Test
    void openDocumentIsToldByItsMimetypeEntry() throws IOException {
        assertThat(ContentDetector.detect(write(MadeDocuments.odt("Một đoạn"))).contentType())
                .isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(ContentDetector.detect(write(MadeDocuments.ods("a|b"))).contentType())
                .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
        assertThat(ContentDetector.detect(write(zipWithMimetype("application/vnd.oasis.opendocument.text-template")))
                .contentType()).isEqualTo("application/zip");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ELF, 7F454C46020101",
            "Windows PE, 4D5A90000300",
            "shell script, 23212F62696E2F73680A",
            "Mach-O, CFFAEDFE07000001" })
    void programIsExecutable(String label, String hex) throws IOException {
        byte[] head = java.util.HexFormat.of().parseHex(hex);
        byte[] program = new byte[512];
        System.arraycopy(head, 0, program, 0, head.length);

        assertThat(ContentDetector.detect(write(program)).executable()).as(label).isTrue();
    }

    @Test
    void imagesAreToldBySignature() throws IOException {
        assertThat(ContentDetector.detect(write(MadeDocuments.pngHeader(4, 4))).contentType()).isEqualTo("image/png");
        assertThat(ContentDetector.detect(write(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0 }))
                .contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void passwordProtectedOfficeFileIsEncrypted() throws IOException {
        Path file = folder.resolve("protected.docx");
        try (var container = new POIFSFileSystem()) {
            var info = new EncryptionInfo(EncryptionMode.agile);
            var encryptor = info.getEncryptor();
            encryptor.confirmPassword("mat-khau");
            try (var out = encryptor.getDataStream(container)) {
                out.write(SampleFiles.document("du-thao-nghi-quyet-thang-12.docx"));
            }
            try (var out = Files.newOutputStream(file)) {
                container.writeFilesystem(out);
            }
        }
        catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }

        assertThat(ContentDetector.detect(file).encrypted()).isTrue();
    }

    @Test
    void emptyFileIsEmpty() throws IOException {
        assertThat(ContentDetector.detect(write(new byte[0])).contentType()).isEqualTo("application/x-empty");
    }

    private static byte[] zipWithMimetype(String mimeType) throws IOException {
        byte[] content = mimeType.getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            var entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            var crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(folder, "sample", ".bin"), content);
    }
}
