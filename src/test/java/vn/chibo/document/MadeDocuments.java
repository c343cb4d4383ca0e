package vn.chibo.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Builds small documents, broken documents and decompression bombs for the tests of this module. */
public final class MadeDocuments {

    private static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    private MadeDocuments() {
    }

    /** Returns a PDF with one page per element of {@code pages}, each line of a page drawn on its own line. */
    public static byte[] pdf(String... pages) {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDType0Font font;
            try (InputStream ttf = MadeDocuments.class.getResourceAsStream("/fonts/DejaVuSerif.ttf")) {
                font = PDType0Font.load(document, ttf);
            }
            for (String page : pages) {
                var pdfPage = new PDPage(PDRectangle.A4);
                document.addPage(pdfPage);
                try (var content = new PDPageContentStream(document, pdfPage)) {
                    float y = 780;
                    for (String line : page.split("\n")) {
                        content.beginText();
                        content.setFont(font, 12);
                        content.newLineAtOffset(60, y);
                        content.showText(line);
                        content.endText();
                        y -= 18;
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns a one-page PDF that needs the password "mat-khau" to open. */
    public static byte[] encryptedPdf() {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf("Tài liệu có mật khẩu"));
                var out = new ByteArrayOutputStream()) {
            var policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns a DOCX with one paragraph per element. */
    public static byte[] docx(String... paragraphs) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns a XLSX whose first sheet has one row per element, its cells split at "|". */
    public static byte[] xlsx(String... rows) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Trang 1");
            for (int i = 0; i < rows.length; i++) {
                String[] cells = rows[i].split("\\|");
                var row = sheet.createRow(i);
                for (int j = 0; j < cells.length; j++) {
                    row.createCell(j).setCellValue(cells[j]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns an ODT with one paragraph per element, laid out as LibreOffice writes one. */
    public static byte[] odt(String... paragraphs) {
        var body = new StringBuilder("<office:text>");
        for (String paragraph : paragraphs) {
            body.append("<text:p>").append(escape(paragraph)).append("</text:p>");
        }
        return openDocument(ODT, body.append("</office:text>").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns an ODS whose one sheet has one row per element, its cells split at "|". */
    public static byte[] ods(String... rows) {
        var body = new StringBuilder("<office:spreadsheet><table:table table:name=\"Trang 1\">");
        for (String row : rows) {
            body.append("<table:table-row>");
            for (String cell : row.split("\\|")) {
                body.append("<table:table-cell office:value-type=\"string\"><text:p>").append(escape(cell))
                        .append("</text:p></table:table-cell>");
            }
            body.append("</table:table-row>");
        }
        body.append("</table:table></office:spreadsheet>");
        return openDocument(ODS, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a DOCX whose document.xml holds {@code megabytes} MB of one repeated byte inside one text run. */
    public static void writeDocxBomb(Path file, int megabytes) throws IOException {
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            repeat(zip, (byte) 'a', megabytes);
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** Returns an ODT whose content.xml holds {@code megabytes} MB of spaces. */
    public static void writeOdtBomb(Path file, int megabytes) throws IOException {
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            storedEntry(zip, "mimetype", ODT.getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                    + "<text:p>").getBytes(StandardCharsets.UTF_8));
            repeat(zip, (byte) ' ', megabytes);
            zip.write("</text:p></office:text></office:body></office:document-content>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** Writes a one-page PDF whose content stream inflates to {@code megabytes} MB of spaces. */
    public static void writePdfBomb(Path file, int megabytes) throws IOException {
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            // Deflated here, because PDFBox would hold the whole inflated content in memory to encode it.
            var deflated = new ByteArrayOutputStream();
            try (var out = new java.util.zip.DeflaterOutputStream(deflated)) {
                repeat(out, (byte) ' ', megabytes);
            }
            var stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(deflated.toByteArray());
            }
            stream.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
            page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(stream));
            document.save(file.toFile());
        }
    }

    /** Returns the first bytes of a PNG that declares the given size: the signature and the IHDR chunk. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer chunk = ByteBuffer.allocate(17);
        chunk.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        var crc = new CRC32();
        crc.update(chunk.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }).putInt(13).put(chunk.array())
                .putInt((int) crc.getValue());
        // An empty IEND chunk, so that the file looks complete.
        png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return png.array();
    }

    private static byte[] openDocument(String mimeType, byte[] body) {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.3\"><office:body>"
                + new String(body, StandardCharsets.UTF_8) + "</office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
                + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimeType + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            storedEntry(zip, "mimetype", mimeType.getBytes(StandardCharsets.US_ASCII));
            entry(zip, "content.xml", content.getBytes(StandardCharsets.UTF_8));
            entry(zip, "META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return out.toByteArray();
    }

    private static void storedEntry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        var entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        var crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static void repeat(OutputStream out, byte value, int megabytes) throws IOException {
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, value);
        for (int i = 0; i < megabytes; i++) {
            out.write(block);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
