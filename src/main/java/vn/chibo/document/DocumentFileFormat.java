package vn.chibo.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats the document library accepts: PDF, Word and Excel since 2007, OpenDocument text
 * and spreadsheets, and JPEG and PNG images. {@link DocumentInspector} detects them from the content.
 */
public enum DocumentFileFormat {

    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png");

    private final String contentType;
    private final List<String> extensions;

    DocumentFileFormat(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    /** Returns the media type to store and serve the file with, such as {@code application/pdf}. */
    public String contentType() {
        return contentType;
    }

    /** Returns the usual extension without the dot, such as {@code pdf}; JPEG files may also end in "jpeg". */
    public String extension() {
        return extensions.getFirst();
    }

    /** Returns whether the content is text that an office suite lays out, so it can be rendered as a PDF. */
    public boolean isOffice() {
        return this == DOCX || this == XLSX || this == ODT || this == ODS;
    }

    /** Returns whether the content is an image. */
    public boolean isImage() {
        return this == JPEG || this == PNG;
    }

    /** Returns the format that a file name claims by its extension, compared without regard to case. */
    public static Optional<DocumentFileFormat> claimedBy(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.extensions.contains(extension)).findFirst();
    }

    /** Returns the format whose media type this is, if the library accepts it. */
    public static Optional<DocumentFileFormat> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(format -> format.contentType.equals(contentType)).findFirst();
    }

    /** Returns the accepted extensions in capitals, such as "PDF, DOCX, …", for messages that list them. */
    public static String acceptedExtensions() {
        return String.join(", ", Arrays.stream(values())
                .flatMap(format -> format.extensions.stream())
                .map(extension -> extension.toUpperCase(Locale.ROOT))
                .toList());
    }
}
