package vn.chibo.organization;

import org.jspecify.annotations.Nullable;

/** The kind of an organization in the party's structure, which decides where in the tree it may stand. */
public enum OrganizationKind {
    /** Đảng bộ: an organization with organizations below it; at the top or under another committee. */
    COMMITTEE,
    /** Chi bộ: the grassroots unit whose members meet; always under a committee. */
    CELL,
    /** Tổ đảng: an optional subgroup of a large cell; always under a cell. */
    GROUP;

    /** Returns whether an organization of this kind may stand under the parent, or at the top when it is null. */
    public boolean mayStandUnder(@Nullable OrganizationKind parent) {
        return switch (this) {
            case COMMITTEE -> parent == null || parent == COMMITTEE;
            case CELL -> parent == COMMITTEE;
            case GROUP -> parent == CELL;
        };
    }
}
