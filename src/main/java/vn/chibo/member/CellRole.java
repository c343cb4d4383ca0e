package vn.chibo.member;

/** An office held in the cell, as the roster records it. */
public enum CellRole {
    /** Bí thư. */
    CELL_SECRETARY,
    /** Phó bí thư. */
    CELL_DEPUTY_SECRETARY,
    /** Chi ủy viên. */
    CELL_COMMITTEE_MEMBER;

    /** Returns the message key of the value's name in the user's language. */
    public String messageKey() {
        return "member.cellRole." + name();
    }
}
