package vn.chibo.document.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The content of a document as one reader gets it, as a stream, so that a 50 MB file never sits in
 * memory whole. The receiver closes it; closing a watermarked copy deletes its temporary file.
 *
 * @param fileName the safe name to give the reader's system
 * @param sizeBytes the length of the content
 * @param watermarked whether the content carries the reader's watermark, which makes it the reader's own copy
 * @param internal whether the document is internal, so that no cache may keep it
 */
public record ServedFile(String fileName, String contentType, long sizeBytes, InputStream content,
        boolean watermarked, boolean internal) implements AutoCloseable {

    @Override
    public void close() {
        try {
            content.close();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
