package vn.chibo.system;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a QR code as inline SVG markup, one square per dark module, with the quiet zone of four
 * modules that QR codes need around them. SVG scales to any screen without blurring and needs no image request.
 */
public final class QrSvg {

    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /**
     * Returns an {@code <svg>} element that encodes the text.
     *
     * @param label the accessible name of the image, such as "QR code for check-in"
     */
    public static String of(String text, String label) {
        BitMatrix matrix = encode(text);
        int size = matrix.getWidth();

        // One rectangle per horizontal run of dark modules keeps the markup to a few kilobytes.
        var path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && matrix.get(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + HtmlUtils.htmlEscape(label, "UTF-8") + "\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        }
        catch (WriterException tooLong) {
            throw new IllegalArgumentException("The text does not fit in a QR code: " + text.length() + " characters",
                    tooLong);
        }
    }
}
