package vn.chibo.account;

/** A role that an account holds in one organization. */
public enum Role {
    /** Đảng viên: sees the cell's meetings and documents, answers, votes. */
    MEMBER,
    /** Bí thư chi bộ: runs the cell. */
    CELL_SECRETARY,
    /** Phó bí thư chi bộ: runs the cell beside the secretary. */
    CELL_DEPUTY_SECRETARY,
    /** Chi ủy viên: prepares content and helps run meetings. */
    CELL_COMMITTEE_MEMBER,
    /** Cấp ủy cấp trên: supervises the cells below the committee it is granted on. */
    COMMITTEE_OFFICER,
    /** Quản trị hệ thống: accounts and settings; sees no party content by default. */
    SYSTEM_ADMIN;

    /** Returns whether the role runs a cell: roster, meetings, attendance, votes and minutes. */
    public boolean runsCell() {
        return this == CELL_SECRETARY || this == CELL_DEPUTY_SECRETARY;
    }
}
