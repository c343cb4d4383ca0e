package vn.chibo.document.inspection;

import java.io.IOException;
import java.nio.file.Path;

import vn.chibo.document.DocumentFileFormat;

/** Extracts the text of a file of a known format within the given limits. */
public final class TextExtraction {

    private TextExtraction() {
    }

    /**
     * @throws EncryptedDocument when the document is encrypted
     * @throws DecompressionBomb when a part inflates past the limits
     * @throws ImageTooLarge when an image declares more pixels than the limits allow
     * @throws IOException when the file is damaged
     */
    public static ExtractedText extract(Path file, DocumentFileFormat format, ExtractionLimits limits)
            throws IOException {
        return switch (format) {
            case PDF -> PdfTextExtractor.extract(file, limits);
            case DOCX, XLSX, ODT, ODS -> OfficeTextExtractor.extract(file, format, limits);
            case JPEG, PNG -> {
                ImageHeader.Dimensions dimensions = ImageHeader.read(file);
                if (dimensions.pixels() > limits.maxPixels()) {
                    throw new ImageTooLarge(dimensions.width(), dimensions.height());
                }
                yield ExtractedText.NONE;
            }
        };
    }

    /** An image that declares more pixels than the limits allow. */
    public static final class ImageTooLarge extends IOException {

        private final int width;
        private final int height;

        ImageTooLarge(int width, int height) {
            super("The image declares " + width + " by " + height + " pixels");
            this.width = width;
            this.height = height;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }
}
