package vn.chibo.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.unit.DataSize;

import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Renditions with LibreOffice need it installed (/usr/bin/soffice); without it those tests fail. */
class PdfRenditionsTests {

    @TempDir
    Path folder;

    @BeforeEach
    void vietnamese() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void docxRendersWithLibreOffice() throws IOException {
        Path docx = write("a.docx", SampleFiles.document("du-thao-nghi-quyet-thang-12.docx"));

        String text = textOfRendition(renditions("/usr/bin/soffice", Duration.ofSeconds(120)), docx,
                DocumentFileFormat.DOCX, "");

        assertThat(text).doesNotContain("Bản chỉ có chữ");
        assertThat(text.replaceAll("\\s+", " ")).contains("NGHỊ QUYẾT", "đường giao thông nội đồng", "Nguyễn Văn Thắng");
    }

    @Test
    void xlsxRendersWithLibreOffice() throws IOException {
        Path xlsx = write("a.xlsx", MadeDocuments.xlsx("Họ và tên|Biểu quyết", "Nguyễn Văn An|Tán thành"));

        String text = textOfRendition(renditions("/usr/bin/soffice", Duration.ofSeconds(120)), xlsx,
                DocumentFileFormat.XLSX, "");

        assertThat(text).doesNotContain("Bản chỉ có chữ").contains("Họ và tên", "Biểu quyết", "Tán thành");
    }

    @Test
    void missingLibreOfficeGivesTextOnlyCopy() throws IOException {
        Path docx = write("a.docx", MadeDocuments.docx("Nghị quyết tháng 12"));

        String text = textOfRendition(renditions(folder.resolve("no-such-soffice").toString(), Duration.ofSeconds(5)),
                docx, DocumentFileFormat.DOCX, "Nghị quyết tháng 12\nĐảng viên Nguyễn Văn An");

        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Bản chỉ có chữ của tài liệu DOCX");
        assertThat(text).contains("Nghị quyết tháng 12", "Đảng viên Nguyễn Văn An");
    }

    @Test
    void slowLibreOfficeIsKilledWithItsChildren() throws IOException {
        Path pidFile = folder.resolve("child.pid");
        Path script = folder.resolve("slow-office");
        Files.writeString(script, "#!/bin/sh\nsleep 300 &\necho $! > " + pidFile + "\nwait\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path odt = write("a.odt", MadeDocuments.odt("Nghị quyết"));

        String text = textOfRendition(renditions(script.toString(), Duration.ofSeconds(2)), odt,
                DocumentFileFormat.ODT, "Nghị quyết");

        assertThat(text).startsWith("Bản chỉ có chữ");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(child).map(process -> !process.isAlive()).orElse(true));
    }

    @Test
    void imageBecomesOnePage() throws IOException {
        Path png = write("a.png", java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="));

        Path pdf = renditions("soffice", Duration.ofSeconds(5)).toPdf(png, DocumentFileFormat.PNG, "");

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
        finally {
            Files.deleteIfExists(pdf);
        }
    }

    /** An A4 page scanned at 600 dpi as PNG (35 megapixels) becomes a page with the image, not a blank copy. */
    @Test
    void largePngIsEmbeddedAtLowerResolution() throws IOException {
        var scan = new BufferedImage(4960, 7016, BufferedImage.TYPE_BYTE_BINARY);
        Path png = folder.resolve("scan.png");
        ImageIO.write(scan, "png", png.toFile());

        Path pdf = renditions("soffice", Duration.ofSeconds(5)).toPdf(png, DocumentFileFormat.PNG, "");

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
        finally {
            Files.deleteIfExists(pdf);
        }
    }

    private static PdfRenditions renditions(String command, Duration timeout) {
        return new PdfRenditions(new DocumentProperties(DataSize.ofMegabytes(50), command, timeout, 1),
                DocumentMessages.source());
    }

    private static String textOfRendition(PdfRenditions renditions, Path office, DocumentFileFormat format,
            String text) throws IOException {
        Path pdf = renditions.toPdf(office, format, text);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
        finally {
            Files.deleteIfExists(pdf);
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }
}
