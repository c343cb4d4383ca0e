package vn.chibo.member;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.account.Role;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * The rights on a cell's roster. Everyone who may see the cell may see its members and their status.
 * Only those who run the cell may see phone numbers and e-mail addresses, import and export rosters,
 * issue accounts, edit profiles and record status decisions.
 *
 * <p>A member's full profile is seen by the member, by those who run the member's own cell or the
 * cell the member is attached to, and by committee officers above the member's own cell.
 *
 * <p>Transfers follow the party's procedure: the own cell introduces a member to another unit, and a
 * move out of the commune goes through the commune's committee. So the secretary of the sending cell
 * records sending out and transfers to units outside the platform and to cells under the same
 * committee. A committee officer above the sending cell records any of them. Only such an officer
 * may send or move a member to a cell under another committee.
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

    /** Returns whether the actor may see the member's full profile and status history. */
    public boolean canViewProfile(Actor actor, Member member) {
        boolean self = actor.memberId() != null && actor.memberId() == member.id().value();
        OrganizationId host = member.hostCellId();
        return self || canManageRoster(actor, member.cellId()) || isOfficerAbove(actor, member.cellId())
                || host != null && member.activityStatus().isAway() && canManageRoster(actor, host);
    }

    /** Returns whether the actor may edit the member's profile and record status decisions. */
    public boolean canEditProfile(Actor actor, Member member) {
        return canManageRoster(actor, member.cellId());
    }

    /**
     * Returns whether the actor may send the member out to a unit for a while, or move them for good.
     *
     * @param target the receiving cell on this platform, or null for a unit outside it
     */
    public boolean canTransfer(Actor actor, Member member, @Nullable OrganizationId target) {
        if (isOfficerAbove(actor, member.cellId())) {
            return true;
        }
        return canManageRoster(actor, member.cellId()) && (target == null || sameCommittee(member.cellId(), target));
    }

    /** Returns whether the actor may record any transfer of the member, to some target. */
    public boolean canTransferAtAll(Actor actor, Member member) {
        return isOfficerAbove(actor, member.cellId()) || canManageRoster(actor, member.cellId());
    }

    /**
     * Fails with not-found unless the member is on the roster of a cell the actor may see, and with
     * forbidden when the actor may see the roster but not the member's profile.
     */
    public void requireViewProfile(Actor actor, OrganizationId cell, Member member) {
        requireViewRoster(actor, cell);
        if (!canViewProfile(actor, member)) {
            throw ForbiddenException.notAllowed();
        }
    }

    boolean isOfficerAbove(Actor actor, OrganizationId cell) {
        return actor.organizationsWith(Role.COMMITTEE_OFFICER).stream()
                .anyMatch(committee -> !committee.equals(cell) && organizations.isWithin(cell, committee));
    }

    private boolean sameCommittee(OrganizationId cell, OrganizationId other) {
        var committee = organizations.supervisingCommittee(cell).map(Organization::id);
        return committee.isPresent() && committee.equals(organizations.supervisingCommittee(other).map(Organization::id));
    }

    private boolean isCell(OrganizationId cell) {
        return organizations.find(cell).filter(Organization::isCell).isPresent();
    }
}
