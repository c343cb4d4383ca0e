package vn.chibo.member.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import vn.chibo.member.importing.RosterFormat.Separator;

/**
 * Reads rosters saved as text: comma separated with UTF-8 (with or without a byte order mark), Excel's
 * "CSV" on Vietnamese Windows (windows-1258 with semicolons, tone marks as combining characters), and
 * tab separated "Unicode text" (UTF-16). The separator is the one that makes a header row appear.
 */
final class TextRosterReader {

    /** The legacy code page of Vietnamese Windows; the JDK supports it in the jdk.charsets module. */
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private static final Pattern LOST_LETTER = Pattern.compile("\\p{L}\\?|\\?\\p{L}");

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
            int lost = firstLineWithLostLetters(decoded.text());
            throw lost > 0 ? NotARoster.lettersLost(lost) : NotARoster.noHeader();
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
        RosterFormat format = RosterFormat.text(decoded.charset().name(), separator, decoded.firstNonUtf8Row());
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
        return Arrays.stream(record.values()).limit(columnLimit).map(RawCell::textFileCell).toList();
    }

    /** @param firstNonUtf8Row the first line that is not valid UTF-8, for text read as windows-1258 */
    private record Decoded(String text, Charset charset, @Nullable Integer firstNonUtf8Row) {

        Decoded(String text, Charset charset) {
            this(text, charset, null);
        }
    }

    /**
     * Decodes by the byte order mark if there is one, else as UTF-8 if the bytes are valid UTF-8, else
     * as windows-1258. Text in that code page is almost never valid UTF-8, because its letters with
     * diacritics are single bytes above 0x7F. The preview names the first line that is not UTF-8, so
     * that the secretary checks the names. Bytes that windows-1258 does not define either reject the
     * file, naming their line. A file saved in a code page without Vietnamese letters (windows-1252 on
     * English Windows) has "?" in place of the lost letters, which the row checks reject.
     *
     * @throws NotARoster when the text is neither UTF-8 nor windows-1258
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
            String text = new String(content, WINDOWS_1258);
            int undefined = text.indexOf('\uFFFD');
            if (undefined >= 0) {
                throw NotARoster.notUtf8(lineOf(text, undefined));
            }
            return new Decoded(text, WINDOWS_1258, firstNonUtf8Line(content));
        }
    }

    /** Returns the line, counted from 1, of the first byte that is not valid UTF-8. */
    private static int firstNonUtf8Line(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(content);
        CharBuffer output = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(input, output, true);
            if (result.isError()) {
                break;
            }
            if (result.isUnderflow()) {
                return 1;
            }
            output.clear();
        }
        int line = 1;
        for (int i = 0; i < input.position(); i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Returns the first line among the top rows where "?" is inside a word, as it is where a
     * program saved letters that the file's code page lacks ("H? và tên"), or 0 when there is none.
     */
    private static int firstLineWithLostLetters(String text) {
        Matcher lost = LOST_LETTER.matcher(text);
        if (!lost.find()) {
            return 0;
        }
        int line = lineOf(text, lost.start());
        return line <= HeaderRow.SEARCHED_ROWS ? line : 0;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
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
