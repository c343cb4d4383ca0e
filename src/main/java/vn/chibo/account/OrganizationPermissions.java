package vn.chibo.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Who may see and who may change which part of the organization tree. Every page and action of the
 * tree asks these predicates.
 *
 * <p>An organization is visible to a system administrator, to anyone holding a role in it or in an
 * organization below it (a member sees the committees above their cell), and to officers of it or of
 * a committee above it. The tree is changed only by a system administrator or by an officer of a
 * committee strictly above the organization changed: an officer of a commune creates, renames, moves
 * and archives the cells of the commune, but not the commune itself. Creating at the top of the tree
 * is for administrators only.
 */
@Component
public class OrganizationPermissions {

    private final Organizations organizations;

    OrganizationPermissions(Organizations organizations) {
        this.organizations = organizations;
    }

    public boolean isAdministrator(Actor actor) {
        return !actor.organizationsWith(Role.SYSTEM_ADMIN).isEmpty();
    }

    /** Returns whether the actor may open the tree page at all: administrators and committee officers. */
    public boolean canOpenTree(Actor actor) {
        return isAdministrator(actor) || !actor.organizationsWith(Role.COMMITTEE_OFFICER).isEmpty();
    }

    public boolean canView(Actor actor, OrganizationId organization) {
        if (isAdministrator(actor) || isOfficerAtOrAbove(actor, organization)) {
            return true;
        }
        return actor.grants().stream()
                .anyMatch(grant -> organizations.isWithin(grant.organizationId(), organization));
    }

    /** Returns whether the actor may rename, move or archive the organization. */
    public boolean canChange(Actor actor, OrganizationId organization) {
        if (isAdministrator(actor)) {
            return true;
        }
        return actor.organizationsWith(Role.COMMITTEE_OFFICER).stream()
                .anyMatch(committee -> !committee.equals(organization)
                        && organizations.isWithin(organization, committee));
    }

    /** Returns whether the actor may create an organization under the parent, or move one there. */
    public boolean canCreateUnder(Actor actor, OrganizationId parent) {
        return isAdministrator(actor) || isOfficerAtOrAbove(actor, parent);
    }

    public boolean canCreateAtTop(Actor actor) {
        return isAdministrator(actor);
    }

    /** Returns whether the actor may move the organization under the target. */
    public boolean canMove(Actor actor, OrganizationId organization, OrganizationId target) {
        return canChange(actor, organization) && canCreateUnder(actor, target);
    }

    /**
     * Returns the organizations at the top of what the actor manages: every organization at the top
     * of the tree for an administrator, else each committee the actor is an officer of, leaving out
     * those below another such committee. The actor may change everything below them.
     */
    public List<Organization> managedRoots(Actor actor) {
        if (isAdministrator(actor)) {
            return organizations.roots();
        }
        Set<OrganizationId> committees = actor.organizationsWith(Role.COMMITTEE_OFFICER);
        List<Organization> roots = new ArrayList<>();
        for (OrganizationId committee : committees) {
            boolean belowAnother = committees.stream()
                    .anyMatch(other -> !other.equals(committee) && organizations.isWithin(committee, other));
            if (!belowAnother) {
                organizations.find(committee).filter(found -> !found.isArchived()).ifPresent(roots::add);
            }
        }
        return Organizations.sorted(roots);
    }

    /** Fails with not-found when the actor may not see the organization, so that it stays hidden. */
    public void requireView(Actor actor, OrganizationId organization) {
        organizations.find(organization).orElseThrow(NotFoundException::hidden);
        if (!canView(actor, organization)) {
            throw NotFoundException.hidden();
        }
    }

    /** Fails with not-found for those who may not see the organization, and forbidden for those who may not change it. */
    public void requireChange(Actor actor, OrganizationId organization) {
        requireView(actor, organization);
        if (!canChange(actor, organization)) {
            throw ForbiddenException.notAllowed();
        }
    }

    public void requireCreateUnder(Actor actor, OrganizationId parent) {
        requireView(actor, parent);
        if (!canCreateUnder(actor, parent)) {
            throw ForbiddenException.notAllowed();
        }
    }

    /** Fails as {@link #requireChange} for the organization, then as {@link #requireCreateUnder} for the target. */
    public void requireMove(Actor actor, OrganizationId organization, OrganizationId target) {
        requireChange(actor, organization);
        requireCreateUnder(actor, target);
    }

    /** Fails with forbidden for an actor who manages no part of the tree. */
    public void requireOpenTree(Actor actor) {
        if (!canOpenTree(actor)) {
            throw ForbiddenException.notAllowed();
        }
    }

    public void requireCreateAtTop(Actor actor) {
        if (!canCreateAtTop(actor)) {
            throw ForbiddenException.notAllowed();
        }
    }

    private boolean isOfficerAtOrAbove(Actor actor, OrganizationId organization) {
        return actor.organizationsWith(Role.COMMITTEE_OFFICER).stream()
                .anyMatch(committee -> organizations.isWithin(organization, committee));
    }
}
