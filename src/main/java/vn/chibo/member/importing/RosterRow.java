package vn.chibo.member.importing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.NewMember;

/**
 * A roster row after its values were checked.
 *
 * @param rowNumber the row's number as a spreadsheet program shows it
 * @param ordinal the row's own number (STT) as the file writes it, or null
 * @param name the full name as the file writes it, so that a rejected row can be recognized; null when blank
 * @param values the member record the row stands for; null when an error leaves no usable record
 * @param provided the columns whose values the row sets; a blank cell, or a value left out because of
 *        a warning, keeps what an existing member record holds
 * @param errors what makes the row unusable; a row with errors is rejected
 * @param warnings what was accepted, changed or left out
 */
public record RosterRow(int rowNumber, @Nullable String ordinal, @Nullable String name, @Nullable NewMember values,
        Set<RosterColumn> provided, List<RowProblem> errors, List<RowProblem> warnings) {

    public RosterRow {
        provided = provided.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(provided));
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isRejected() {
        return !errors.isEmpty() || values == null;
    }

    RosterRow withError(RowProblem error) {
        var more = new ArrayList<>(errors);
        more.add(error);
        return new RosterRow(rowNumber, ordinal, name, values, provided, more, warnings);
    }

    RosterRow withWarning(RowProblem warning) {
        var more = new ArrayList<>(warnings);
        more.add(warning);
        return new RosterRow(rowNumber, ordinal, name, values, provided, errors, more);
    }

    /** Returns the row with its cell role left out, as a warning explains. */
    RosterRow withoutCellRole(RowProblem warning) {
        NewMember without = values == null ? null : values.withoutCellRole();
        var fewer = provided.isEmpty() ? EnumSet.noneOf(RosterColumn.class) : EnumSet.copyOf(provided);
        fewer.remove(RosterColumn.CELL_ROLE);
        return new RosterRow(rowNumber, ordinal, name, without, fewer, errors, warnings).withWarning(warning);
    }
}
