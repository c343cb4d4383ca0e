package vn.chibo.account;

import org.springframework.stereotype.Component;

import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Who may see and who may run a cell. Every module builds its own permissions on these two
 * questions, so that pages, files, exports and the API all draw the same line.
 *
 * <p>A cell is visible to anyone holding a role in it and to committee officers of any committee
 * above it, never to officers of sibling committees. A cell is run by its secretary and deputy
 * secretary.
 */
@Component
public class CellAccess {

    private final Organizations organizations;

    CellAccess(Organizations organizations) {
        this.organizations = organizations;
    }

    public boolean canView(Actor actor, OrganizationId cell) {
        if (actor.hasAnyRoleIn(cell)) {
            return true;
        }
        return actor.organizationsWith(Role.COMMITTEE_OFFICER).stream()
                .anyMatch(committee -> organizations.isWithin(cell, committee));
    }

    public boolean canRun(Actor actor, OrganizationId cell) {
        return actor.runsCell(cell);
    }

    /** Fails with not-found, so that an outsider cannot tell a hidden cell from a missing one. */
    public void requireView(Actor actor, OrganizationId cell) {
        if (!canView(actor, cell)) {
            throw NotFoundException.hidden();
        }
    }

    /** Fails with not-found for outsiders and with forbidden for those who may only look. */
    public void requireRun(Actor actor, OrganizationId cell) {
        requireView(actor, cell);
        if (!canRun(actor, cell)) {
            throw ForbiddenException.notAllowed();
        }
    }

    /**
     * Fails as {@link #requireRun} does, and with a conflict when the cell is archived: an archived
     * cell keeps its records but takes nothing new, such as a meeting.
     */
    public void requireRunActive(Actor actor, OrganizationId cell) {
        requireRun(actor, cell);
        organizations.requireActive(cell);
    }
}
