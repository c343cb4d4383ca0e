package vn.chibo.document.inspection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's dimensions from its header without decoding its pixels, so that an image that
 * declares billions of pixels is refused before anything tries to draw it.
 */
final class ImageHeader {

    /** An image's declared size in pixels. */
    record Dimensions(int width, int height) {

        long pixels() {
            return (long) width * height;
        }
    }

    private ImageHeader() {
    }

    /** @throws IOException when no reader understands the header, or the header is damaged */
    static Dimensions read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("The image cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("No image reader understands the file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                var dimensions = new Dimensions(reader.getWidth(0), reader.getHeight(0));
                if (dimensions.width() <= 0 || dimensions.height() <= 0) {
                    throw new IOException("The image header declares no pixels");
                }
                return dimensions;
            }
            catch (RuntimeException damaged) {
                throw new IOException("The image header is damaged", damaged);
            }
            finally {
                reader.dispose();
            }
        }
    }
}
