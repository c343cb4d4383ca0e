package vn.chibo.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Who may grant and revoke which roles where. The secretary of a cell manages the cell's deputy
 * secretary, committee members and members. A committee officer manages the secretaries of the
 * cells below the committee and the officers of the committees below it. A system administrator
 * manages every role. Nobody grants a role that ranks above every role they hold. The same ranks
 * decide who may recover an account that lost its credentials.
 */
@Component
class RolePermissions {

    private static final Set<Role> CELL_ROLES = EnumSet.of(Role.MEMBER, Role.CELL_COMMITTEE_MEMBER,
            Role.CELL_DEPUTY_SECRETARY, Role.CELL_SECRETARY);
    private static final Set<Role> COMMITTEE_ROLES = EnumSet.of(Role.COMMITTEE_OFFICER, Role.SYSTEM_ADMIN);

    private final Organizations organizations;
    private final CellAccess cellAccess;

    RolePermissions(Organizations organizations, CellAccess cellAccess) {
        this.organizations = organizations;
        this.cellAccess = cellAccess;
    }

    /** Returns the roles the actor may grant and revoke in the organization; empty when none. */
    Set<Role> manageable(Actor actor, Organization organization) {
        Set<Role> fitting = organization.kind() == OrganizationKind.CELL ? CELL_ROLES
                : organization.kind() == OrganizationKind.COMMITTEE ? COMMITTEE_ROLES : Set.of();
        if (isAdministrator(actor)) {
            return fitting.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(fitting);
        }

        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (organization.isCell() && actor.hasRole(organization.id(), Role.CELL_SECRETARY)) {
            roles.addAll(EnumSet.of(Role.MEMBER, Role.CELL_COMMITTEE_MEMBER, Role.CELL_DEPUTY_SECRETARY));
        }
        if (organization.isCell() && isOfficerAbove(actor, organization)) {
            roles.add(Role.CELL_SECRETARY);
        }
        if (organization.kind() == OrganizationKind.COMMITTEE && isOfficerAbove(actor, organization)) {
            roles.add(Role.COMMITTEE_OFFICER);
        }
        Role highest = highestRole(actor);
        roles.removeIf(role -> highest == null || role.isAbove(highest));
        return roles;
    }

    /**
     * Fails with not-found when the actor may not even see the organization, and with forbidden when
     * the actor sees it but manages no role in it.
     */
    Set<Role> requireManage(Actor actor, Organization organization) {
        Set<Role> roles = manageable(actor, organization);
        if (!roles.isEmpty()) {
            return roles;
        }
        if (!canView(actor, organization)) {
            throw NotFoundException.hidden();
        }
        throw ForbiddenException.notAllowed();
    }

    /**
     * Returns whether the actor may recover another account, which takes every credential from it:
     * a system administrator, or an officer of a committee strictly above every organization in
     * which the account holds a role. An account that administers the system is recovered only by
     * another administrator, and nobody recovers their own account.
     */
    boolean canRecover(Actor actor, AccountId target, Collection<Grant> targetGrants) {
        if (target.equals(actor.accountId())) {
            return false;
        }
        if (isAdministrator(actor)) {
            return true;
        }
        if (targetGrants.isEmpty() || targetGrants.stream().anyMatch(grant -> grant.role() == Role.SYSTEM_ADMIN)) {
            return false;
        }
        return targetGrants.stream().allMatch(grant -> isOfficerStrictlyAbove(actor, grant.organizationId()));
    }

    /**
     * Returns whether the account holds a role at or below a committee of the actor's, so that the
     * actor may know it exists even when a recovery is not theirs to make.
     */
    boolean seesHolder(Actor actor, Collection<Grant> targetGrants) {
        if (isAdministrator(actor)) {
            return true;
        }
        Set<OrganizationId> committees = actor.organizationsWith(Role.COMMITTEE_OFFICER);
        return targetGrants.stream().anyMatch(grant -> committees.stream()
                .anyMatch(committee -> organizations.isWithin(grant.organizationId(), committee)));
    }

    boolean isAdministrator(Actor actor) {
        return !actor.organizationsWith(Role.SYSTEM_ADMIN).isEmpty();
    }

    /** Returns whether the actor is an officer of a committee strictly above the organization. */
    boolean isOfficerAbove(Actor actor, Organization organization) {
        return isOfficerStrictlyAbove(actor, organization.id());
    }

    private boolean isOfficerStrictlyAbove(Actor actor, OrganizationId organization) {
        return actor.organizationsWith(Role.COMMITTEE_OFFICER).stream()
                .anyMatch(committee -> !committee.equals(organization) && organizations.isWithin(organization, committee));
    }

    private boolean canView(Actor actor, Organization organization) {
        if (organization.isCell()) {
            return cellAccess.canView(actor, organization.id());
        }
        return actor.hasAnyRoleIn(organization.id()) || actor.organizationsWith(Role.COMMITTEE_OFFICER).stream()
                .anyMatch(committee -> organizations.isWithin(organization.id(), committee));
    }

    private static @Nullable Role highestRole(Actor actor) {
        Role highest = null;
        for (Grant grant : actor.grants()) {
            if (highest == null || grant.role().isAbove(highest)) {
                highest = grant.role();
            }
        }
        return highest;
    }
}
