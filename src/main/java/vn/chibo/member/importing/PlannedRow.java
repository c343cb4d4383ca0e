package vn.chibo.member.importing;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;
import vn.chibo.member.NewMember;

/**
 * A roster row with what confirming the import will do with it.
 *
 * @param memberId the member on the roster the row was matched to; null for new and rejected rows
 * @param target the values the member record will hold; null for rejected rows
 * @param changes the values an update changes, in column order
 */
public record PlannedRow(RosterRow row, RowOutcome outcome, @Nullable MemberId memberId, @Nullable NewMember target,
        List<Change> changes) {

    public PlannedRow {
        changes = List.copyOf(changes);
    }

    /** A value that an update changes. */
    public record Change(RosterColumn column, @Nullable Object before, @Nullable Object after) {
    }
}
