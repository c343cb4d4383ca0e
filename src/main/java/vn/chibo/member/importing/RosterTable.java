package vn.chibo.member.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The rows of one sheet or text file as a reader streams them in: finds the header among the top
 * rows and keeps the data rows below it. It also bounds the work a file can cause, whatever its
 * size on disk: every row counts toward a limit on row numbers, blank rows included, and readers
 * read only as many columns as {@link #columnLimit()} says.
 */
final class RosterTable {

    /** The maximum number of columns read while the header is searched, title rows above it included. */
    static final int SEARCHED_COLUMNS = 100;

    /** The rows a sheet may use beyond twice the data rows, for titles, signatures and notes. */
    private static final int EXTRA_ROWS = 100;

    private enum State { SEARCHING, READING, NOT_A_ROSTER }

    private final int maxRows;
    private final int maxRowNumber;
    private State state = State.SEARCHING;
    private @Nullable List<List<RawCell>> topRows = new ArrayList<>();
    private @Nullable HeaderRow header;
    private final List<RawRow> rows = new ArrayList<>();
    private int lastRowNumber;
    private int declaredLastRow;

    /** @param maxRows the most data rows, members and rejected rows together, the roster may hold */
    RosterTable(int maxRows) {
        this.maxRows = maxRows;
        this.maxRowNumber = maxRowNumber(maxRows);
    }

    /**
     * Returns the last row number a roster of at most {@code maxRows} data rows may use: room for a
     * blank row or a repeated header after every member, and for {@value #EXTRA_ROWS} more rows.
     */
    static int maxRowNumber(int maxRows) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * maxRows + EXTRA_ROWS);
    }

    /**
     * Returns how many columns, from the first, the reader should read in the next row: up to
     * {@value #SEARCHED_COLUMNS} while the header is searched, then as many as the header has.
     */
    int columnLimit() {
        return header == null ? SEARCHED_COLUMNS : header.width();
    }

    /** Returns whether the table still takes rows; it stops when the top rows hold no header. */
    boolean wantsRows() {
        return state != State.NOT_A_ROSTER;
    }

    /**
     * Takes the last row number that the file declares before its rows, such as the dimension of a
     * worksheet. A roster sheet that declares a row beyond the limit is rejected as soon as its
     * header is found, before its data rows are read.
     */
    void declareLastRow(int rowNumber) {
        declaredLastRow = rowNumber;
        requireWithinLimit(rowNumber);
    }

    /**
     * Fails when a row of the roster lies beyond the row limit. Readers call it for every row they
     * meet, also for rows without any value, so that blank rows count too. While the header is still
     * searched, the sheet may turn out to be no roster, so a row is checked once it is added.
     */
    void requireWithinLimit(int rowNumber) {
        if (state == State.READING && rowNumber > maxRowNumber) {
            throw NotARoster.sheetTooLong(rowNumber, maxRowNumber);
        }
    }

    /**
     * Adds the next row.
     *
     * @param rowNumber the row's number as a spreadsheet program shows it, greater than the last one's
     * @param cells the row's cells from the first column on, at most {@link #columnLimit()} of them
     */
    void add(int rowNumber, List<RawCell> cells) {
        if (rowNumber <= lastRowNumber) {
            throw new IllegalArgumentException("Row " + rowNumber + " follows row " + lastRowNumber);
        }
        lastRowNumber = rowNumber;
        if (state == State.SEARCHING && rowNumber > HeaderRow.SEARCHED_ROWS) {
            searchHeader();
        }
        requireWithinLimit(rowNumber);
        switch (state) {
            case SEARCHING -> {
                List<List<RawCell>> top = topRows();
                while (top.size() < rowNumber - 1) {
                    top.add(List.of());
                }
                top.add(cells);
                if (rowNumber == HeaderRow.SEARCHED_ROWS) {
                    searchHeader();
                }
            }
            case READING -> addDataRow(rowNumber, cells);
            case NOT_A_ROSTER -> {
                // The sheet is no roster; its remaining rows are of no interest.
            }
        }
    }

    /** Returns the cells a reader collected for a row, up to the last one with a value. */
    static List<RawCell> cellsOf(@Nullable RawCell[] cells) {
        int width = cells.length;
        while (width > 0 && cells[width - 1] == null) {
            width--;
        }
        var values = new ArrayList<RawCell>(width);
        for (int column = 0; column < width; column++) {
            RawCell cell = cells[column];
            values.add(cell == null ? RawCell.BLANK : cell);
        }
        return values;
    }

    /** Returns the roster, or nothing when the sheet has no header row. */
    Optional<RawRoster> finish(RosterFormat format) {
        if (state == State.SEARCHING) {
            searchHeader();
        }
        if (state != State.READING || header == null) {
            return Optional.empty();
        }
        return Optional.of(new RawRoster(format, header.labels(), header.ignoredHeaders(), rows));
    }

    private void searchHeader() {
        List<List<RawCell>> top = topRows();
        topRows = null;
        header = HeaderRow.find(top).orElse(null);
        if (header == null) {
            state = State.NOT_A_ROSTER;
            return;
        }
        header.requireColumns();
        state = State.READING;
        requireWithinLimit(declaredLastRow);
        for (int index = header.index() + 1; index < top.size(); index++) {
            addDataRow(index + 1, top.get(index));
        }
    }

    private void addDataRow(int rowNumber, List<RawCell> cells) {
        HeaderRow found = header;
        if (found == null) {
            throw new IllegalStateException("Data rows come only after the header");
        }
        found.dataRow(rowNumber, cells).ifPresent(rows::add);
        if (rows.size() > maxRows) {
            throw NotARoster.tooManyRows(maxRows);
        }
    }

    private List<List<RawCell>> topRows() {
        if (topRows == null) {
            throw new IllegalStateException("The header was searched already");
        }
        return topRows;
    }
}
