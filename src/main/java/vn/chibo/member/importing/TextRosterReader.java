package vn.chibo.member.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.chibo.member.importing.RosterFormat.Separator;

/**
 * Reads rosters saved as text: comma separated with UTF-8 (with or without a byte order mark), Excel's
 * "CSV" on Vietnamese Windows (windows-1258 with semicolons, tone marks as combining characters), and
 * tab separated "Unicode text" (UTF-16). The separator is the one that makes a header row appear.
 */
final class TextRosterReader {

    /** The legacy code page of Vietnamese Windows; the JDK supports it in the jdk.charsets module. */
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private TextRosterReader() {
    }

    static RawRoster read(byte[] content, int maxRows) {
        Decoded decoded = decode(content);
        if (decoded.text().isBlank()) {
            throw NotARoster.empty();
        }
        requireFewEnoughCells(decoded.text(), maxRows);

        Separator separator = null;
        HeaderRow header = null;
        for (Separator candidate : Separator.values()) {
            Optional<HeaderRow> found = topRows(decoded.text(), candidate).flatMap(HeaderRow::find);
            if (found.isPresent() && (header == null || found.get().columnCount() > header.columnCount())) {
                separator = candidate;
                header = found.get();
            }
        }
        if (header == null) {
            throw NotARoster.noHeader();
        }

        var table = new RosterTable(maxRows);
        try (CSVParser parser = format(separator).parse(new StringReader(decoded.text()))) {
            for (CSVRecord record : parser) {
                // Records are numbered from 1 and empty lines are records, so these are the row numbers.
                table.add(Math.toIntExact(record.getRecordNumber()), cells(record, table.columnLimit()));
            }
        }
        catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            // Commons CSV reports a broken quote as an IOException, wrapped when it comes from iteration.
            throw new NotARoster("member.import.error.malformedText");
        }
        RosterFormat format = RosterFormat.text(decoded.charset().name(), separator);
        return table.finish(format).orElseThrow(NotARoster::noHeader);
    }

    /**
     * Rejects text with more separators than a roster of the largest accepted size can hold. Commons
     * CSV builds every field of a record before the reader can look at it, so one line of millions
     * of commas would cost hundreds of megabytes. Separators inside quotes are counted too, which
     * only makes the count larger than the number of cells.
     */
    private static void requireFewEnoughCells(String text, int maxRows) {
        long maxCells = (long) RosterTable.maxRowNumber(maxRows) * RosterTable.SEARCHED_COLUMNS;
        for (Separator separator : Separator.values()) {
            char character = separator.character();
            long count = text.chars().filter(c -> c == character).count();
            if (count > maxCells) {
                throw NotARoster.tooManyCells(maxCells);
            }
        }
    }

    /**
     * Returns the top rows as split by the separator, up to a row the separator cannot split (a broken
     * quote, which the full read then reports), or nothing when not even the first row splits.
     */
    private static Optional<List<List<RawCell>>> topRows(String text, Separator separator) {
        var rows = new ArrayList<List<RawCell>>();
        try (CSVParser parser = format(separator).parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(cells(record, RosterTable.SEARCHED_COLUMNS));
                if (rows.size() >= HeaderRow.SEARCHED_ROWS) {
                    break;
                }
            }
        }
        catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            // The rows read so far may still hold the header.
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
    }

    private static CSVFormat format(Separator separator) {
        // Empty lines are kept as records, so that record numbers stay the row numbers a spreadsheet shows.
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(separator.character())
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
    }

    private static List<RawCell> cells(CSVRecord record, int columnLimit) {
        return Arrays.stream(record.values()).limit(columnLimit).map(RawCell::text).toList();
    }

    private record Decoded(String text, Charset charset) {
    }

    /**
     * Decodes by the byte order mark if there is one, else as UTF-8 if the bytes are valid UTF-8, else
     * as windows-1258. Text in that code page is almost never valid UTF-8, because its letters with
     * diacritics are single bytes above 0x7F.
     */
    private static Decoded decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(content, 3, content.length - 3, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return new Decoded(new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return new Decoded(new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return new Decoded(text, StandardCharsets.UTF_8);
        }
        catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(content, WINDOWS_1258), WINDOWS_1258);
        }
    }

    static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
