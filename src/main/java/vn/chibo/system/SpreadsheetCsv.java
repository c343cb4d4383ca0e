package vn.chibo.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes CSV files that Excel opens without asking: UTF-8 with a byte order mark, lines ending in
 * CRLF, fields quoted where they hold a separator, quote or line break. A value starting with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so that a spreadsheet
 * program shows it as text instead of running it as a formula.
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    public static byte[] write(List<String> headers, List<List<String>> rows) {
        var bytes = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            writer.write('\uFEFF');
            printer.printRecord(headers.stream().map(SpreadsheetCsv::neutralized));
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetCsv::neutralized));
            }
        }
        catch (IOException impossible) {
            throw new UncheckedIOException("Writing to memory failed", impossible);
        }
        return bytes.toByteArray();
    }

    /** Returns the text with a leading apostrophe where a spreadsheet program would take it for a formula. */
    public static String neutralized(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
