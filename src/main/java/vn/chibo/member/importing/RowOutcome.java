package vn.chibo.member.importing;

/** The effect of confirming an import on one row. */
public enum RowOutcome {
    /** Adds a member the cell's roster does not hold yet. */
    NEW,
    /** Changes some values of a member already on the roster. */
    UPDATE,
    /** Finds the member already on the roster with the same values. */
    UNCHANGED,
    /** Writes nothing, because of the row's errors. */
    REJECTED
}
