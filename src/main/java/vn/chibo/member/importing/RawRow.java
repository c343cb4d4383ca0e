package vn.chibo.member.importing;

import java.util.Map;

/**
 * A data row of a roster file, its cells by column.
 *
 * @param rowNumber the row's number as a spreadsheet program shows it, the header row counted
 */
record RawRow(int rowNumber, Map<RosterColumn, RawCell> cells) {

    RawRow {
        cells = Map.copyOf(cells);
    }

    RawCell cell(RosterColumn column) {
        return cells.getOrDefault(column, RawCell.BLANK);
    }

    boolean has(RosterColumn column) {
        return !cell(column).isBlank();
    }
}
