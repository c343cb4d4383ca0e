package vn.chibo.document.inspection;

/**
 * The type of a file's content, as {@link ContentDetector} detects it from the bytes alone.
 *
 * @param contentType the media type, such as {@code application/pdf}, or Apache Tika's name for a
 *        content that no document format matches, such as {@code video/mp4}
 * @param label a short name for messages, such as "PDF", "DOC" or "ZIP", or the media type
 * @param executable whether the content is a program or script (ELF, Windows PE, Mach-O, "#!")
 * @param encrypted whether the content is an Office document sealed with a password, which Office
 *        stores as an OLE2 container with an encrypted package in place of the ZIP
 */
public record DetectedContent(String contentType, String label, boolean executable, boolean encrypted) {

    static DetectedContent of(String contentType, String label) {
        return new DetectedContent(contentType, label, false, false);
    }
}
