package vn.chibo.member.importing;

import java.util.List;
import java.util.Map;

/**
 * A roster file read into rows, before any value is checked.
 *
 * @param labels each recognized column's header as the file writes it, for messages that name the column
 * @param ignoredHeaders the headers of columns the importer does not read
 * @param rows the data rows; blank rows, summary lines and repeated headers are left out
 */
record RawRoster(RosterFormat format, Map<RosterColumn, String> labels, List<String> ignoredHeaders,
        List<RawRow> rows) {

    RawRoster {
        labels = Map.copyOf(labels);
        ignoredHeaders = List.copyOf(ignoredHeaders);
        rows = List.copyOf(rows);
    }
}
