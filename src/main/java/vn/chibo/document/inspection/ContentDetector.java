package vn.chibo.document.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells the type of a file from its content, never from its name, so that a program renamed to
 * "bien-ban.pdf" is recognised as a program.
 *
 * <p>Word, Excel and PowerPoint files since 2007 and OpenDocument files are ZIP archives; they are
 * distinguished by the parts inside, read from the archive's central directory (nothing is unpacked).
 * Older Office files share the OLE2 container and are distinguished by its main stream; a password
 * protected DOCX or XLSX is such a container too. Anything else is named by Apache Tika's magic
 * numbers (tika-core), again without the file name.
 */
public final class ContentDetector {

    public static final String DOC = "application/msword";
    public static final String XLS = "application/vnd.ms-excel";
    public static final String PPT = "application/vnd.ms-powerpoint";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String ODP = "application/vnd.oasis.opendocument.presentation";

    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_SIGNATURE = { 0x50, 0x4B, 0x03, 0x04 };
    private static final byte[] OLE2_SIGNATURE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1 };
    private static final byte[] JPEG_SIGNATURE = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private static final byte[] ELF_SIGNATURE = { 0x7F, 'E', 'L', 'F' };
    private static final byte[] PE_SIGNATURE = { 'M', 'Z' };
    private static final byte[] SCRIPT_SIGNATURE = { '#', '!' };
    private static final Set<Integer> MACH_O_SIGNATURES = Set.of(0xFEEDFACE, 0xFEEDFACF, 0xCEFAEDFE, 0xCFFAEDFE);

    /** Media types that Tika gives to programs, libraries and scripts. */
    private static final Set<String> EXECUTABLE_TYPES = Set.of("application/x-executable", "application/x-sharedlib",
            "application/x-elf", "application/x-msdownload", "application/x-dosexec", "application/x-mach-o",
            "application/x-mach-o-executable", "application/x-sh", "application/x-bat", "application/java-vm",
            "application/x-ms-installer", "application/vnd.microsoft.portable-executable");

    /** The head of a file that the checks read; PDF allows up to 1024 bytes of junk before "%PDF-". */
    private static final int HEAD_LENGTH = 1024;

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

    private ContentDetector() {
    }

    /** Returns the type of the file's content; an empty file is {@code application/x-empty}. */
    public static DetectedContent detect(Path file) throws IOException {
        byte[] head = head(file);
        if (head.length == 0) {
            return DetectedContent.of("application/x-empty", "empty");
        }
        if (startsWith(head, ZIP_SIGNATURE)) {
            return zipContent(file, head);
        }
        if (startsWith(head, OLE2_SIGNATURE)) {
            return oleContent(file);
        }
        if (indexOf(head, PDF_SIGNATURE) >= 0) {
            return DetectedContent.of(PDF, "PDF");
        }
        if (startsWith(head, JPEG_SIGNATURE)) {
            return DetectedContent.of("image/jpeg", "JPEG");
        }
        if (startsWith(head, PNG_SIGNATURE)) {
            return DetectedContent.of("image/png", "PNG");
        }
        if (isExecutable(head)) {
            return new DetectedContent("application/x-executable", "executable", true, false);
        }
        return byMagic(file);
    }

    private static boolean isExecutable(byte[] head) {
        if (startsWith(head, ELF_SIGNATURE) || startsWith(head, PE_SIGNATURE) || startsWith(head, SCRIPT_SIGNATURE)) {
            return true;
        }
        if (head.length < 4) {
            return false;
        }
        int magic = (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
        return MACH_O_SIGNATURES.contains(magic);
    }

    private static DetectedContent zipContent(Path file, byte[] head) throws IOException {
        for (String type : new String[] { ODT, ODS, ODP }) {
            if (hasOpenDocumentType(head, type)) {
                return DetectedContent.of(type, labelOf(type));
            }
        }
        try (var zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return DetectedContent.of(DOCX, "DOCX");
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return DetectedContent.of(XLSX, "XLSX");
                }
                if (zip.getEntry("ppt/presentation.xml") != null) {
                    return DetectedContent.of(PPTX, "PPTX");
                }
            }
            return DetectedContent.of("application/zip", "ZIP");
        }
        catch (ZipException broken) {
            return DetectedContent.of("application/zip", "ZIP");
        }
    }

    /**
     * Checks the "mimetype" entry that OpenDocument requires first in the archive, stored
     * uncompressed with no extra field: its name starts at byte 30, its content at byte 38, and the
     * local header gives its size at byte 22, which distinguishes "…opendocument.text" from "…text-template".
     */
    private static boolean hasOpenDocumentType(byte[] head, String contentType) {
        byte[] name = "mimetype".getBytes(StandardCharsets.US_ASCII);
        byte[] type = contentType.getBytes(StandardCharsets.US_ASCII);
        if (head.length < 38 + type.length) {
            return false;
        }
        int size = head[22] & 0xFF | (head[23] & 0xFF) << 8 | (head[24] & 0xFF) << 16 | (head[25] & 0xFF) << 24;
        return size == type.length && Arrays.equals(head, 30, 38, name, 0, name.length)
                && Arrays.equals(head, 38, 38 + type.length, type, 0, type.length);
    }

    private static DetectedContent oleContent(Path file) {
        try (var container = new POIFSFileSystem(file.toFile(), true)) {
            var root = container.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                return new DetectedContent("application/x-tika-ooxml-protected", "encrypted Office", false, true);
            }
            if (root.hasEntry("WordDocument")) {
                return DetectedContent.of(DOC, "DOC");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return DetectedContent.of(XLS, "XLS");
            }
            if (root.hasEntry("PowerPoint Document")) {
                return DetectedContent.of(PPT, "PPT");
            }
        }
        catch (IOException | RuntimeException broken) {
            // POI reports a damaged container with unchecked exceptions as well as IOException.
        }
        return DetectedContent.of("application/x-tika-msoffice", "OLE2");
    }

    private static DetectedContent byMagic(Path file) throws IOException {
        MediaType type;
        try (InputStream in = TikaInputStream.get(file)) {
            type = TIKA.detect(in, new Metadata());
        }
        String name = type.getBaseType().toString();
        boolean executable = EXECUTABLE_TYPES.contains(name);
        return new DetectedContent(name, executable ? "executable" : name, executable, false);
    }

    private static String labelOf(String contentType) {
        return switch (contentType) {
            case ODT -> "ODT";
            case ODS -> "ODS";
            default -> "ODP";
        };
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
