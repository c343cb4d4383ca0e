package vn.chibo.meeting.web;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.chibo.system.QrSvg;

import static org.assertj.core.api.Assertions.assertThat;

class QrSvgTests {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");
    private static final int PIXELS_PER_MODULE = 4;

    @ParameterizedTest
    @ValueSource(strings = { "https://chibo.example.vn/meetings/7/check-in?code=59012345.q3Vd0mYw6F0dC4n5oVhLxA",
            "http://localhost/meetings/123456789/check-in?code=1.AAAAAAAAAAAAAAAAAAAAAA", "Chi bộ số" })
    void svgDecodesToText(String text) throws Exception {
        String svg = QrSvg.of(text, "Mã QR \"điểm danh\" <cuộc họp>");

        assertThat(svg).startsWith("<svg ").endsWith("</svg>");
        assertThat(svg).contains("role=\"img\"", "aria-label=\"Mã QR &quot;điểm danh&quot; &lt;cuộc họp&gt;\"");
        assertThat(decode(svg)).isEqualTo(text);
    }

    /** Returns the text of a QR code drawn by {@link QrSvg}, read back with ZXing's decoder. */
    static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).as("viewBox in %s", svg).isTrue();
        int size = Integer.parseInt(box.group(1));
        int pixels = size * PIXELS_PER_MODULE;
        int[] image = new int[pixels * pixels];
        Arrays.fill(image, 0xFFFFFFFF);

        Matcher module = RUN.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            int run = Integer.parseInt(module.group(3));
            for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
                for (int dx = 0; dx < run * PIXELS_PER_MODULE; dx++) {
                    image[(y * PIXELS_PER_MODULE + dy) * pixels + x * PIXELS_PER_MODULE + dx] = 0xFF000000;
                }
            }
        }
        // The drawing is exact, so the reader takes it as a pure code. ZXing's finder-pattern detector is made
        // for camera pictures; it misread some of 3,000 random check-in addresses and made this test flaky.
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(pixels, pixels, image))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        }
        catch (ReaderException unreadable) {
            throw new AssertionError("No QR code found in the SVG", unreadable);
        }
    }
}
