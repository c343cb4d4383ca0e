package vn.chibo.organization;

/** What an organization is in the party's structure. */
public enum OrganizationKind {
    /** Đảng bộ: an organization with organizations below it. */
    COMMITTEE,
    /** Chi bộ: the grassroots unit whose members meet. */
    CELL,
    /** Tổ đảng: an optional subgroup of a large cell. */
    GROUP
}
