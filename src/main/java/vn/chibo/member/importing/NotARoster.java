package vn.chibo.member.importing;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.chibo.system.InvalidInputException;

/**
 * An uploaded file that cannot be read as a roster: empty, not a table, or a table without the
 * columns a roster needs. The message key names which, in words the secretary can act on.
 */
public class NotARoster extends InvalidInputException {

    NotARoster(String messageKey, Object... messageArguments) {
        super(messageKey, messageArguments);
    }

    static NotARoster empty() {
        return new NotARoster("member.import.error.empty");
    }

    static NotARoster noHeader() {
        return new NotARoster("member.import.error.noHeader");
    }

    static NotARoster missingColumn(RosterColumn column) {
        // The column's name is resolved in the reader's language together with the message.
        return new NotARoster("member.import.error.missingColumn",
                new DefaultMessageSourceResolvable(column.messageKey()));
    }

    static NotARoster noRows() {
        return new NotARoster("member.import.error.noRows");
    }

    static NotARoster tooManyRows(int maximum) {
        return new NotARoster("member.import.error.tooManyRows", maximum);
    }

    static NotARoster tooLarge(long maximumMegabytes) {
        return new NotARoster("member.import.error.tooLarge", maximumMegabytes);
    }

    /**
     * A sheet or text file that goes on far below any roster, often because of thousands of empty
     * rows that still carry formatting.
     *
     * @param rowNumber a row the sheet has, as a spreadsheet program numbers it
     * @param maximum the last row number a roster may use
     */
    static NotARoster sheetTooLong(int rowNumber, int maximum) {
        return new NotARoster("member.import.error.sheetTooLong", rowNumber, maximum);
    }

    /** A text file with more separators than a roster of the largest accepted size can hold. */
    static NotARoster tooManyCells(long maximum) {
        return new NotARoster("member.import.error.tooManyCells", maximum);
    }

    /** Rejects a text file that is neither UTF-8 nor windows-1258, from the given row (line) on. */
    static NotARoster notUtf8(int rowNumber) {
        return new NotARoster("member.import.error.notUtf8", rowNumber);
    }

    /** Rejects a text file with "?" in place of letters its code page lacks, first in the given row (line). */
    static NotARoster lettersLost(int rowNumber) {
        return new NotARoster("member.import.error.lettersLost", rowNumber);
    }

    /** A workbook whose parts take more room unpacked than a roster workbook needs. */
    static NotARoster unpackedTooLarge(long maximumMegabytes) {
        return new NotARoster("member.import.error.unpackedTooLarge", maximumMegabytes);
    }
}
