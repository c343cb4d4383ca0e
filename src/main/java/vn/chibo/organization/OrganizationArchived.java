package vn.chibo.organization;

import vn.chibo.system.ConflictException;

/**
 * A change to an archived organization, or a new child, member or meeting for it. Archived
 * organizations keep their records but take nothing new.
 */
public class OrganizationArchived extends ConflictException {

    OrganizationArchived(Organization organization) {
        super("organization.error.archived", organization.name());
    }
}
