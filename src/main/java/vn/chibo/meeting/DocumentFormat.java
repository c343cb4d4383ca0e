package vn.chibo.meeting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a meeting accepts as documents. A file is accepted only when its name ends in
 * one of the format's extensions and {@link vn.chibo.document.DocumentInspector#contentTypeOf} finds
 * the format's media type in its content, so that a program renamed to "bien-ban.pdf" is rejected.
 */
enum DocumentFormat {

    PDF("application/pdf", "pdf"),
    DOC("application/msword", "doc"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    XLS("application/vnd.ms-excel", "xls"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    PPT("application/vnd.ms-powerpoint", "ppt"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ODP("application/vnd.oasis.opendocument.presentation", "odp"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png");

    private final String contentType;
    private final List<String> extensions;

    DocumentFormat(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    String contentType() {
        return contentType;
    }

    /** Returns the format's first extension, which names it to LibreOffice. */
    String extension() {
        return extensions.getFirst();
    }

    /** Returns the format that a file name claims by its extension, if it is one that meetings accept. */
    static Optional<DocumentFormat> claimedBy(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.extensions.contains(extension)).findFirst();
    }

    /** Returns the accepted extensions, for the message that lists them. */
    static String acceptedExtensions() {
        return String.join(", ", Arrays.stream(values())
                .flatMap(format -> format.extensions.stream())
                .map(extension -> extension.toUpperCase(Locale.ROOT))
                .toList());
    }
}
