package vn.chibo.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.i18n.LocaleContextHolder;

import vn.chibo.testing.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

class PdfWatermarkerTests {

    /** 20:15 in Hà Nội (UTC+7). */
    private static final Watermark MARK = new Watermark("Nguyễn Văn An", "123456",
            Instant.parse("2026-12-05T13:15:00Z"));

    final PdfWatermarker watermarker = new PdfWatermarker(DocumentMessages.source(), DocumentMessages.properties());

    @BeforeEach
    void vietnamese() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "du-thao-nghi-quyet-thang-12.pdf", "tai-lieu-chuyen-de-quy-iv.pdf" })
    void everyPageCarriesReaderAndTime(String sample) throws IOException {
        byte[] original = SampleFiles.document(sample);

        byte[] stamped = stamp(original);

        try (PDDocument before = Loader.loadPDF(original); PDDocument after = Loader.loadPDF(stamped)) {
            assertThat(after.getNumberOfPages()).isEqualTo(before.getNumberOfPages());
            for (int page = 1; page <= after.getNumberOfPages(); page++) {
                String text = textOf(after, page);
                assertThat(text).as("page %d", page)
                        .contains("Lưu hành nội bộ · Bản của Nguyễn Văn An · số thẻ 123456 · 05/12/2026 20:15");
                for (String line : textOf(before, page).strip().split("\n")) {
                    assertThat(text).as("page %d", page).contains(line.strip());
                }
            }
        }
    }

    @Test
    void footerFollowsReadersLanguage() throws IOException {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        byte[] stamped = stamp(SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf"));

        try (PDDocument document = Loader.loadPDF(stamped)) {
            assertThat(textOf(document, 1)).contains("Internal circulation · Copy of Nguyễn Văn An · card number 123456");
        }
    }

    @Test
    void rotatedAndManyPagesAreStamped() throws IOException {
        byte[] original = MadeDocuments.pdf("Trang một", "Trang hai", "Trang ba");
        byte[] rotated;
        try (PDDocument document = Loader.loadPDF(original); var out = new ByteArrayOutputStream()) {
            document.getPage(1).setRotation(90);
            document.getPage(2).setRotation(270);
            document.save(out);
            rotated = out.toByteArray();
        }

        try (PDDocument stamped = Loader.loadPDF(stamp(rotated))) {
            assertThat(stamped.getNumberOfPages()).isEqualTo(3);
            for (int page = 1; page <= 3; page++) {
                assertThat(textOf(stamped, page)).as("page %d", page).contains("Nguyễn Văn An", "123456", "20:15");
            }
        }
    }

    @Test
    void characterOutsideFontBecomesQuestionMark() throws IOException {
        var mark = new Watermark("Nguyễn Văn An \uD83D\uDE00", "123456", MARK.at());
        var out = new ByteArrayOutputStream();

        watermarker.stamp(new ByteArrayInputStream(MadeDocuments.pdf("Trang một")), out, mark);

        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(textOf(document, 1)).contains("Bản của Nguyễn Văn An ?");
        }
    }

    private byte[] stamp(byte[] pdf) {
        var out = new ByteArrayOutputStream();
        watermarker.stamp(new ByteArrayInputStream(pdf), out, MARK);
        return out.toByteArray();
    }

    private static String textOf(PDDocument document, int page) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
