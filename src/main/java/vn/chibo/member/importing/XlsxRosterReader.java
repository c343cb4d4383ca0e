package vn.chibo.member.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Reads rosters kept as Excel workbooks (.xlsx). The roster is the first sheet with a header row.
 *
 * <p>The sheets are read as a stream of XML, not into POI's object model: the object model creates
 * a Java object per cell, so a small file with many thousands of rows, or with a cell in the last
 * column XFD, would cost seconds and gigabytes. The stream is read only as far as the
 * {@link RosterTable} allows, and only as many columns as it asks for. Before POI opens the file,
 * the unpacked size of all its parts is checked, because POI keeps every part unpacked in memory.
 */
final class XlsxRosterReader {

    private static final Logger log = LoggerFactory.getLogger(XlsxRosterReader.class);

    /**
     * The minimum limit on the bytes the parts of a workbook may take unpacked. A roster of 2,000 members in 15
     * columns, as POI writes it, takes about 1.6 MB, so this leaves room for other sheets and pictures.
     */
    static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;

    /** The unpacked bytes allowed per data row, about twice what a row takes, where more than the least. */
    private static final long UNPACKED_BYTES_PER_ROW = 2048;

    /** The maximum length of a cell's text in Excel. Longer texts are cut, as no roster value comes near. */
    private static final int MAX_CELL_TEXT = 32_767;

    private static final Pattern ESCAPED_CHARACTER = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private XlsxRosterReader() {
    }

    static RawRoster read(byte[] content, int maxRows) {
        requireUnpackedSizeWithinLimit(content, maxUnpackedBytes(maxRows));
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            boolean date1904 = usesDate1904(reader);
            SharedStrings strings = sharedStrings(workbook);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    Optional<RawRoster> roster = new SheetReader(strings, date1904, maxRows).read(sheet);
                    if (roster.isPresent()) {
                        return roster.get();
                    }
                }
            }
            throw NotARoster.noHeader();
        }
        catch (NotARoster rejected) {
            throw rejected;
        }
        catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException unreadable) {
            // POI reports a zip that is no workbook, an encrypted workbook or a zip bomb with a variety
            // of exceptions, and a broken sheet fails in the XML parser. Each means the same to the
            // secretary, so each gets one message.
            // The exception's message may quote a cell, so only its type is logged.
            log.info("A workbook could not be read: {}", unreadable.getClass().getName());
            throw new NotARoster("member.import.error.unreadableWorkbook");
        }
    }

    /**
     * Unpacks every part without keeping it and fails once they add up to more than the limit. The zip is read as POI reads it, with Commons Compress and the same
     * options, because Java's own zip stream misreads the data descriptors that POI's streaming writer
     * and other Java programs put into workbooks.
     */
    /** Returns the bytes the parts of a workbook of at most {@code maxRows} data rows may take unpacked. */
    static long maxUnpackedBytes(int maxRows) {
        return Math.max(MAX_UNPACKED_BYTES, maxRows * UNPACKED_BYTES_PER_ROW);
    }

    private static void requireUnpackedSizeWithinLimit(byte[] content, long limit) {
        long total = 0;
        byte[] buffer = new byte[8192];
        try (var zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8.name(),
                true, true)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
                    total += read;
                    if (total > limit) {
                        throw NotARoster.unpackedTooLarge(limit / (1024 * 1024));
                    }
                }
            }
        }
        catch (IOException unreadable) {
            throw new NotARoster("member.import.error.unreadableWorkbook");
        }
    }

    private static @Nullable SharedStrings sharedStrings(OPCPackage workbook) throws IOException, SAXException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        // Phonetic guides are left out, as Excel shows them only above the text.
        return parts.isEmpty() ? null : new ReadOnlySharedStringsTable(parts.getFirst(), false);
    }

    private static boolean usesDate1904(XSSFReader reader)
            throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream data = reader.getWorkbookData()) {
            XMLStreamReader xml = xmlInputFactory().createXMLStreamReader(data);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("workbookPr")) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equals(value);
                    }
                    if (xml.isStartElement() && xml.getLocalName().equals("sheets")) {
                        return false;
                    }
                }
                return false;
            }
            finally {
                xml.close();
            }
        }
    }

    private static XMLInputFactory xmlInputFactory() {
        // POI's factory refuses document types and external entities.
        return XMLHelper.newXMLInputFactory();
    }

    /** Returns the text with Excel's escapes of control characters ("_x000D_") turned back. */
    static String unescape(String text) {
        if (!text.contains("_x")) {
            return text;
        }
        Matcher escaped = ESCAPED_CHARACTER.matcher(text);
        return escaped.replaceAll(match -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(match.group(1), 16))));
    }

    /** Returns the column index, from 0, of a cell reference such as "B7" or "XFD60002". */
    static int columnIndex(String reference) {
        int column = 0;
        int letters = 0;
        while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
            char letter = Character.toUpperCase(reference.charAt(letters));
            if (letter < 'A' || letter > 'Z' || letters == 3) {
                throw new IllegalArgumentException("Not a cell reference: " + reference);
            }
            column = column * 26 + (letter - 'A' + 1);
            letters++;
        }
        if (letters == 0) {
            throw new IllegalArgumentException("Not a cell reference: " + reference);
        }
        return column - 1;
    }

    /** Returns the row number of a cell reference such as "XFD60002", or 0 when it has none. */
    static int rowOf(String reference) {
        String digits = reference.replaceFirst("^[A-Za-z]*", "");
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(digits);
    }

    /** Reads one worksheet's XML into a roster table, as far as the table takes rows. */
    private static final class SheetReader {

        private final @Nullable SharedStrings strings;
        private final boolean date1904;
        private final RosterTable table;

        private int rowNumber;
        private @Nullable RawCell @Nullable [] cells;
        private int nextColumn;

        SheetReader(@Nullable SharedStrings strings, boolean date1904, int maxRows) {
            this.strings = strings;
            this.date1904 = date1904;
            this.table = new RosterTable(maxRows);
        }

        Optional<RawRoster> read(InputStream sheet) throws XMLStreamException {
            XMLStreamReader xml = xmlInputFactory().createXMLStreamReader(sheet);
            try {
                while (xml.hasNext() && table.wantsRows()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "dimension" -> dimension(xml);
                        case "row" -> startRow(xml);
                        case "c" -> cell(xml);
                        default -> {
                            // Columns, merged cells, formatting and the like do not matter to a roster.
                        }
                    }
                }
                endRow();
            }
            finally {
                xml.close();
            }
            return table.finish(RosterFormat.workbook(RosterFormat.Kind.XLSX));
        }

        private void dimension(XMLStreamReader xml) {
            String reference = xml.getAttributeValue(null, "ref");
            if (reference != null) {
                table.declareLastRow(rowOf(reference.substring(reference.indexOf(':') + 1)));
            }
        }

        private void startRow(XMLStreamReader xml) {
            endRow();
            String number = xml.getAttributeValue(null, "r");
            rowNumber = number == null ? rowNumber + 1 : Integer.parseInt(number);
            table.requireWithinLimit(rowNumber);
            cells = new RawCell[table.columnLimit()];
            nextColumn = 0;
        }

        private void endRow() {
            @Nullable RawCell[] row = cells;
            if (row != null) {
                cells = null;
                table.add(rowNumber, RosterTable.cellsOf(row));
            }
        }

        /** Reads a cell inside a row, or skips it when it lies right of the columns the table requests. */
        private void cell(XMLStreamReader xml) throws XMLStreamException {
            @Nullable RawCell[] row = cells;
            if (row == null) {
                throw new XMLStreamException("A cell outside a row", xml.getLocation());
            }
            String reference = xml.getAttributeValue(null, "r");
            int column = reference == null ? nextColumn : columnIndex(reference);
            nextColumn = column + 1;
            if (column >= row.length) {
                return;
            }
            String type = xml.getAttributeValue(null, "t");
            CellContent content = readContent(xml);
            RawCell value = value(type, content.value(), content.inlineText());
            row[column] = content.formula() ? value.asFormula() : value;
        }

        /**
         * The texts inside a cell element: the value in {@code <v>}, the text of an inline string, and
         * whether the cell contains a formula in {@code <f>}, whose last computed value is then in {@code <v>}.
         */
        private record CellContent(@Nullable String value, String inlineText, boolean formula) {
        }

        /** Reads the elements inside a cell, up to and including its end tag. */
        private static CellContent readContent(XMLStreamReader xml) throws XMLStreamException {
            String value = null;
            var inline = new StringBuilder();
            int depth = 1;
            boolean inPhonetic = false;
            boolean formula = false;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    switch (xml.getLocalName()) {
                        case "v" -> value = limited(xml.getElementText());
                        case "rPh" -> inPhonetic = true;
                        case "t" -> {
                            String text = xml.getElementText();
                            if (!inPhonetic && inline.length() < MAX_CELL_TEXT) {
                                inline.append(text);
                            }
                        }
                        case "f" -> formula = true;
                        default -> {
                            // An extension: the value in <v> is what counts.
                        }
                    }
                    // Reading an element's text moves to its end tag, which closes it.
                    if (xml.isEndElement()) {
                        depth--;
                    }
                }
                else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (xml.getLocalName().equals("rPh")) {
                        inPhonetic = false;
                    }
                }
            }
            return new CellContent(value, limited(inline.toString()), formula);
        }

        private RawCell value(@Nullable String type, @Nullable String value, String inline) {
            if ("inlineStr".equals(type)) {
                return RawCell.text(unescape(inline));
            }
            if (value == null || value.isEmpty()) {
                return RawCell.BLANK;
            }
            return switch (type == null ? "n" : type) {
                case "s" -> RawCell.text(sharedString(Integer.parseInt(value.strip())));
                case "str" -> RawCell.text(unescape(value));
                case "b" -> RawCell.text(Boolean.toString(value.strip().equals("1")));
                case "d" -> isoDate(value);
                case "e" -> RawCell.BLANK;
                default -> RawCell.number(Double.parseDouble(value.strip()), date1904);
            };
        }

        private String sharedString(int index) {
            if (strings == null || index < 0 || index >= strings.getUniqueCount()) {
                throw new IllegalArgumentException("No shared string " + index);
            }
            return strings.getItemAt(index).getString();
        }

        /** Returns a cell of the type Excel's strict format uses for dates: an ISO 8601 date and time. */
        private static RawCell isoDate(String value) {
            String date = value.strip();
            try {
                LocalDate parsed = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
                return new RawCell(parsed.toString(), parsed);
            }
            catch (DateTimeParseException notADate) {
                return RawCell.text(date);
            }
        }

        private static String limited(String text) {
            return text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT) : text;
        }
    }
}
