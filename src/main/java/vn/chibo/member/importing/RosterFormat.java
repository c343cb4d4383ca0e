package vn.chibo.member.importing;

import org.jspecify.annotations.Nullable;

/**
 * The form of a roster file, as the importer detected it from its content.
 *
 * @param charset the character set of a text file, such as "UTF-8" or "windows-1258"; null for workbooks
 * @param separator the field separator of a text file; null for workbooks
 * @param firstNonUtf8Row for a text file read as windows-1258, the first row (line) that is not valid
 *        UTF-8, which the preview names; null otherwise
 */
public record RosterFormat(Kind kind, @Nullable String charset, @Nullable Separator separator,
        @Nullable Integer firstNonUtf8Row) {

    public RosterFormat(Kind kind, @Nullable String charset, @Nullable Separator separator) {
        this(kind, charset, separator, null);
    }

    public enum Kind {
        /** Comma, semicolon or tab separated text. */
        TEXT("text/csv"),
        /** An Excel workbook. */
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        /** An Excel 97-2003 workbook. */
        XLS("application/vnd.ms-excel");

        private final String contentType;

        Kind(String contentType) {
            this.contentType = contentType;
        }
    }

    public enum Separator {
        COMMA(','), SEMICOLON(';'), TAB('\t');

        private final char character;

        Separator(char character) {
            this.character = character;
        }

        char character() {
            return character;
        }
    }

    static RosterFormat workbook(Kind kind) {
        return new RosterFormat(kind, null, null);
    }

    static RosterFormat text(String charset, Separator separator, @Nullable Integer firstNonUtf8Row) {
        return new RosterFormat(Kind.TEXT, charset, separator, firstNonUtf8Row);
    }

    /** Returns the MIME type the file is stored under. */
    String contentType() {
        return kind.contentType;
    }
}
