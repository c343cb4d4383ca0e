package vn.chibo.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;

/**
 * DejaVu Serif, shipped in {@code fonts/} with its licence, because no standard PDF font covers
 * Vietnamese. Loaded once; 380 KB.
 */
final class DocumentFonts {

    private static final String SERIF = "DejaVuSerif.ttf";
    private static final byte[] SERIF_BYTES = read(SERIF);

    private DocumentFonts() {
    }

    /** Returns the TrueType file, for PDFBox, which embeds a subset of it in each document. */
    static byte[] serifBytes() {
        return SERIF_BYTES;
    }

    /** Returns the font for OpenPDF, embedded as Identity-H. */
    static BaseFont serif() {
        try {
            return BaseFont.createFont(SERIF, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, SERIF_BYTES, null);
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not load the font " + SERIF, failure);
        }
        catch (DocumentException failure) {
            throw new IllegalStateException("Could not load the font " + SERIF, failure);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = DocumentFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font fonts/" + file + " is missing from the application");
            }
            return in.readAllBytes();
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Could not read the font " + file, failure);
        }
    }
}
