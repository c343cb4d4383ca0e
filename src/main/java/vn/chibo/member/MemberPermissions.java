package vn.chibo.member;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.NotFoundException;

/**
 * The rights on a cell's roster. Everyone who may see the cell may see its members and their status.
 * Only those who run the cell may see phone numbers and e-mail addresses, import rosters and issue
 * accounts.
 */
@Component
public class MemberPermissions {

    private final CellAccess cellAccess;
    private final Organizations organizations;

    MemberPermissions(CellAccess cellAccess, Organizations organizations) {
        this.cellAccess = cellAccess;
        this.organizations = organizations;
    }

    public boolean canViewRoster(Actor actor, OrganizationId cell) {
        return isCell(cell) && cellAccess.canView(actor, cell);
    }

    public boolean canManageRoster(Actor actor, OrganizationId cell) {
        return canViewRoster(actor, cell) && cellAccess.canRun(actor, cell);
    }

    public boolean canSeeContactDetails(Actor actor, OrganizationId cell) {
        return canManageRoster(actor, cell);
    }

    /** Returns the cell, or fails with not-found for a cell the actor may not see or that is no cell. */
    public Organization requireViewRoster(Actor actor, OrganizationId cell) {
        Organization organization = organizations.find(cell).filter(Organization::isCell)
                .orElseThrow(NotFoundException::hidden);
        cellAccess.requireView(actor, cell);
        return organization;
    }

    /** Returns the cell, or fails with not-found for outsiders and with forbidden for those who only look. */
    public Organization requireManageRoster(Actor actor, OrganizationId cell) {
        Organization organization = requireViewRoster(actor, cell);
        cellAccess.requireRun(actor, cell);
        return organization;
    }

    /**
     * Returns the cell for adding members to its roster: as {@link #requireManageRoster}, and fails with
     * a conflict when the cell is archived, since an archived cell takes no new members.
     */
    public Organization requireAddMembers(Actor actor, OrganizationId cell) {
        Organization organization = requireManageRoster(actor, cell);
        organizations.requireActive(cell);
        return organization;
    }

    private boolean isCell(OrganizationId cell) {
        return organizations.find(cell).filter(Organization::isCell).isPresent();
    }
}
