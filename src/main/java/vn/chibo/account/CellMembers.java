package vn.chibo.account;

import java.util.Set;

import vn.chibo.organization.OrganizationId;

/**
 * Which member records belong to a cell, so that roles in a cell go only to the accounts of its
 * members. The member module implements it, because the account module may not depend on it.
 */
public interface CellMembers {

    /** Returns the ids of the members on the cell's roster. */
    Set<Long> memberIdsOf(OrganizationId cell);
}
