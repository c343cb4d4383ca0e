package vn.chibo.document.library;

/**
 * The content of a document as one reader gets it.
 *
 * @param fileName the safe name to give the reader's system
 * @param watermarked whether the content carries the reader's watermark, which makes it the reader's own copy
 * @param internal whether the document is internal, so that no cache may keep it
 */
public record ServedFile(String fileName, String contentType, byte[] content, boolean watermarked, boolean internal) {
}
