package vn.chibo.account;

/** A role that an account holds in one organization. */
public enum Role {
    /** Đảng viên: sees the cell's meetings and documents, answers, votes. */
    MEMBER(1),
    /** Bí thư chi bộ: runs the cell. */
    CELL_SECRETARY(4),
    /** Phó bí thư chi bộ: runs the cell beside the secretary. */
    CELL_DEPUTY_SECRETARY(3),
    /** Chi ủy viên: prepares content and helps run meetings. */
    CELL_COMMITTEE_MEMBER(2),
    /** Cấp ủy cấp trên: supervises the cells below the committee it is granted on. */
    COMMITTEE_OFFICER(5),
    /** Quản trị hệ thống: accounts and settings; sees no party content by default. */
    SYSTEM_ADMIN(6);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** Returns whether this role ranks above the other, so that a holder of the other may not grant it. */
    public boolean isAbove(Role other) {
        return rank > other.rank;
    }

    /** Returns whether the role belongs in a cell, as opposed to a committee. */
    public boolean isCellRole() {
        return this == MEMBER || this == CELL_COMMITTEE_MEMBER || this == CELL_DEPUTY_SECRETARY
                || this == CELL_SECRETARY;
    }

    /**
     * Returns whether an account that holds the role must sign in with a second factor: those who run
     * a cell, committee officers and system administrators.
     */
    public boolean requiresSecondFactor() {
        return this == CELL_SECRETARY || this == CELL_DEPUTY_SECRETARY || this == COMMITTEE_OFFICER
                || this == SYSTEM_ADMIN;
    }

    /** Returns whether the role runs a cell: roster, meetings, attendance, votes and minutes. */
    public boolean runsCell() {
        return this == CELL_SECRETARY || this == CELL_DEPUTY_SECRETARY;
    }
}
