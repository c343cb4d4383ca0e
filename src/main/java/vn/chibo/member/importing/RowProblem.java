package vn.chibo.member.importing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something wrong with one value of a roster row: an error rejects the row, a warning lets it in.
 *
 * @param column the column the value is in
 * @param columnLabel the column's header as the file writes it, or null when the file has no such column
 * @param messageKey the message saying what is wrong, in the member bundle
 * @param arguments the message's values: the cell's text, dates written dd/MM/yyyy, row numbers
 */
public record RowProblem(RosterColumn column, @Nullable String columnLabel,
        String messageKey, List<Object> arguments) {

    public RowProblem {
        arguments = List.copyOf(arguments);
    }

    /** Returns the arguments as the message source takes them. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
