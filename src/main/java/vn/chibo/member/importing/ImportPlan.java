package vn.chibo.member.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of confirming an import, for every data row of the file.
 *
 * @param ignoredHeaders the headers of columns the importer does not read
 * @param missingColumns the known columns the file does not have, in column order; existing records keep those values
 * @param membersNotInFile members on the cell's roster that no row matches; the import leaves them as they are
 */
public record ImportPlan(RosterFormat format, List<String> ignoredHeaders, List<RosterColumn> missingColumns,
        List<PlannedRow> rows, int membersNotInFile) {

    public ImportPlan {
        ignoredHeaders = List.copyOf(ignoredHeaders);
        missingColumns = List.copyOf(missingColumns);
        rows = List.copyOf(rows);
    }

    /** The maximum number of rows the preview lists, because a page of more rows would be megabytes on a phone. */
    public static final int PREVIEW_ROWS = 500;

    /**
     * Returns the rows the preview lists: all of them up to {@value #PREVIEW_ROWS}; beyond that, the
     * first {@value #PREVIEW_ROWS} of those the secretary must look at, rejected rows first, then rows
     * with warnings, then rows that add or change a member, each group in file order.
     */
    public List<PlannedRow> shownRows() {
        if (rows.size() <= PREVIEW_ROWS) {
            return rows;
        }
        return rows.stream()
                .filter(row -> row.outcome() != RowOutcome.UNCHANGED || !row.row().warnings().isEmpty())
                .sorted(Comparator.comparingInt(ImportPlan::attention))
                .limit(PREVIEW_ROWS)
                .toList();
    }

    /** Returns how many rows the preview would list without its limit. */
    public int rowsToShow() {
        if (rows.size() <= PREVIEW_ROWS) {
            return rows.size();
        }
        return (int) rows.stream()
                .filter(row -> row.outcome() != RowOutcome.UNCHANGED || !row.row().warnings().isEmpty())
                .count();
    }

    private static int attention(PlannedRow row) {
        if (row.outcome() == RowOutcome.REJECTED) {
            return 0;
        }
        return row.row().warnings().isEmpty() ? 2 : 1;
    }

    public int count(RowOutcome outcome) {
        return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
    }

    /** Returns the number of accepted rows that carry warnings. */
    public int countWithWarnings() {
        return (int) rows.stream()
                .filter(row -> row.outcome() != RowOutcome.REJECTED && !row.row().warnings().isEmpty())
                .count();
    }

    /** Returns whether confirming would write anything. */
    public boolean changesAnything() {
        return count(RowOutcome.NEW) + count(RowOutcome.UPDATE) > 0;
    }

    /**
     * Returns a fingerprint of what confirming will write. The preview page sends it back with the
     * confirmation, so that a roster changed in between is noticed instead of written over.
     */
    public String digest() {
        String outline = rows.stream()
                .map(row -> row.row().rowNumber() + ":" + row.outcome() + ":" + row.memberId() + ":"
                        + row.changes().stream().map(change -> change.column().name()).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(outline.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
