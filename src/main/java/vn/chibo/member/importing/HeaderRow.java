package vn.chibo.member.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header row of a roster and the columns it names. Cells often put a title, the committee's name
 * and merged cells above the header, so the header is found by its column names, not by position.
 */
final class HeaderRow {

    /** How many rows from the top are searched for the header. */
    static final int SEARCHED_ROWS = 30;

    /** A row must name at least this many known columns, one of them the name, to be the header. */
    private static final int MINIMUM_COLUMNS = 3;

    private static final Set<String> SUMMARY_KEYS = Set.of("tong cong", "tong so", "cong");
    private static final Pattern COLUMN_NUMBER = Pattern.compile("\\(?\\d{1,2}\\)?");

    private final int index;
    private final int width;
    private final Map<RosterColumn, Integer> positions;
    private final Map<RosterColumn, String> labels;
    private final List<String> ignoredHeaders;

    private HeaderRow(int index, int width, Map<RosterColumn, Integer> positions, Map<RosterColumn, String> labels,
            List<String> ignoredHeaders) {
        this.index = index;
        this.width = width;
        this.positions = positions;
        this.labels = labels;
        this.ignoredHeaders = ignoredHeaders;
    }

    /** Returns the first row among the top ones that names the full name column and enough others. */
    static Optional<HeaderRow> find(List<List<RawCell>> topRows) {
        for (int i = 0; i < Math.min(topRows.size(), SEARCHED_ROWS); i++) {
            HeaderRow candidate = of(i, topRows.get(i));
            if (candidate.positions.containsKey(RosterColumn.FULL_NAME)
                    && candidate.positions.size() >= MINIMUM_COLUMNS) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static HeaderRow of(int index, List<RawCell> cells) {
        var positions = new EnumMap<RosterColumn, Integer>(RosterColumn.class);
        var labels = new EnumMap<RosterColumn, String>(RosterColumn.class);
        var ignored = new ArrayList<String>();
        int width = 0;
        for (int position = 0; position < cells.size(); position++) {
            String header = cells.get(position).text();
            if (header.isEmpty()) {
                continue;
            }
            width = position + 1;
            Optional<RosterColumn> column = RosterColumn.ofHeader(header);
            if (column.isPresent() && !positions.containsKey(column.get())) {
                positions.put(column.get(), position);
                labels.put(column.get(), RosterText.excerpt(header));
            }
            else {
                ignored.add(RosterText.excerpt(header));
            }
        }
        return new HeaderRow(index, width, positions, labels, ignored);
    }

    /** Returns the position of the header among the rows it was found in, counted from 0. */
    int index() {
        return index;
    }

    /** Returns the number of columns up to the last one the header names, which data rows are read to. */
    int width() {
        return width;
    }

    /** Returns the number of known columns the header names, to choose among candidate separators. */
    int columnCount() {
        return positions.size();
    }

    /** Fails when the header lacks a column without which no member record can be made. */
    void requireColumns() {
        for (RosterColumn required : RosterColumn.REQUIRED) {
            if (!positions.containsKey(required)) {
                throw NotARoster.missingColumn(required);
            }
        }
    }

    /**
     * Returns the cells of a row below the header as a data row, or nothing for a row that holds no
     * member: a blank row, a numbered row left empty, a summary line ("Tổng cộng: 36 đảng viên"), a
     * header repeated after a page break, or the row of column numbers some forms put under the header.
     */
    Optional<RawRow> dataRow(int rowNumber, List<RawCell> cells) {
        var byColumn = new EnumMap<RosterColumn, RawCell>(RosterColumn.class);
        positions.forEach((column, position) -> {
            if (position < cells.size() && !cells.get(position).isBlank()) {
                byColumn.put(column, cells.get(position));
            }
        });
        var row = new RawRow(rowNumber, byColumn);
        return holdsMember(row) ? Optional.of(row) : Optional.empty();
    }

    private static boolean holdsMember(RawRow row) {
        if (row.cells().keySet().stream().allMatch(column -> column == RosterColumn.ORDINAL)) {
            return false;
        }
        String name = row.cell(RosterColumn.FULL_NAME).text();
        boolean repeatedHeader = RosterColumn.ofHeader(name).filter(RosterColumn.FULL_NAME::equals).isPresent();
        boolean columnNumbers = row.cells().values().stream()
                .allMatch(cell -> COLUMN_NUMBER.matcher(cell.text()).matches());
        return !isSummary(row, name) && !repeatedHeader && !columnNumbers;
    }

    /**
     * Returns whether the row is a summary line. Names such as "Tống Công Thành" fold to the same
     * letters as "Tổng cộng", so a summary must also lack a birth date and either be the bare word or
     * carry a count ("Tổng cộng: 36 đảng viên").
     */
    private static boolean isSummary(RawRow row, String name) {
        String key = RosterText.key(name);
        boolean startsLikeSummary = SUMMARY_KEYS.stream().anyMatch(summary -> key.equals(summary)
                || key.startsWith(summary + " "));
        boolean bareOrCounted = SUMMARY_KEYS.contains(key) || name.matches(".*[0-9:].*");
        return startsLikeSummary && bareOrCounted && !row.has(RosterColumn.BIRTH_DATE);
    }

    Map<RosterColumn, String> labels() {
        return labels;
    }

    List<String> ignoredHeaders() {
        return ignoredHeaders;
    }
}
