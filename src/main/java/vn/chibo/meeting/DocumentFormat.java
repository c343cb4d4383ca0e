package vn.chibo.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The kinds of file a meeting accepts as documents. A file is accepted only when its name ends in
 * one of the format's extensions and its content starts as that format's files do, so that a
 * program renamed to "bien-ban.pdf" is rejected.
 *
 * <p>Word, Excel and PowerPoint files since 2007 and OpenDocument files are ZIP archives; they are
 * told apart by the parts inside (read from the archive's central directory, nothing is unpacked).
 * Older Office files share one container format and are told apart by its main stream.
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

    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_SIGNATURE = { 0x50, 0x4B, 0x03, 0x04 };
    private static final byte[] OLE2_SIGNATURE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1 };
    private static final byte[] JPEG_SIGNATURE = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    /** The head of a file that the checks read; PDF allows up to 1024 bytes of junk before "%PDF-". */
    private static final int HEAD_LENGTH = 1024;

    private final String contentType;
    private final List<String> extensions;

    DocumentFormat(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = List.of(extensions);
    }

    String contentType() {
        return contentType;
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

    /** Returns whether the file's content is of this format. */
    boolean matches(Path file) throws IOException {
        byte[] head = head(file);
        return switch (this) {
            case PDF -> indexOf(head, PDF_SIGNATURE) >= 0;
            case JPEG -> startsWith(head, JPEG_SIGNATURE);
            case PNG -> startsWith(head, PNG_SIGNATURE);
            case DOCX -> startsWith(head, ZIP_SIGNATURE) && zipHas(file, "[Content_Types].xml", "word/document.xml");
            case XLSX -> startsWith(head, ZIP_SIGNATURE) && zipHas(file, "[Content_Types].xml", "xl/workbook.xml");
            case PPTX -> startsWith(head, ZIP_SIGNATURE)
                    && zipHas(file, "[Content_Types].xml", "ppt/presentation.xml");
            case ODT, ODS, ODP -> startsWith(head, ZIP_SIGNATURE) && isOpenDocument(head);
            case DOC -> startsWith(head, OLE2_SIGNATURE) && oleHasAny(file, Set.of("WordDocument"));
            case XLS -> startsWith(head, OLE2_SIGNATURE) && oleHasAny(file, Set.of("Workbook", "Book"));
            case PPT -> startsWith(head, OLE2_SIGNATURE) && oleHasAny(file, Set.of("PowerPoint Document"));
        };
    }

    /**
     * Checks the "mimetype" entry that OpenDocument requires first in the archive, stored
     * uncompressed with no extra field: its name starts at byte 30 and its content at byte 38.
     */
    private boolean isOpenDocument(byte[] head) {
        byte[] name = "mimetype".getBytes(StandardCharsets.US_ASCII);
        byte[] type = contentType.getBytes(StandardCharsets.US_ASCII);
        if (head.length < 38 + type.length) {
            return false;
        }
        return Arrays.equals(head, 30, 38, name, 0, name.length)
                && Arrays.equals(head, 38, 38 + type.length, type, 0, type.length);
    }

    private static boolean zipHas(Path file, String... entries) throws IOException {
        try (var zip = new ZipFile(file.toFile())) {
            return Arrays.stream(entries).allMatch(entry -> zip.getEntry(entry) != null);
        }
        catch (ZipException broken) {
            return false;
        }
    }

    private static boolean oleHasAny(Path file, Set<String> streams) throws IOException {
        try (var container = new POIFSFileSystem(file.toFile(), true)) {
            return streams.stream().anyMatch(container.getRoot()::hasEntry);
        }
        catch (IOException | RuntimeException broken) {
            // POI reports a damaged container with unchecked exceptions as well as IOException.
            return false;
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_LENGTH);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
