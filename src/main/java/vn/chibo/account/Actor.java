package vn.chibo.account;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.chibo.organization.OrganizationId;

/**
 * The signed-in person making the current request, loaded afresh for every request so that a
 * revoked role stops working at once. Controllers take it as a method parameter.
 *
 * @param memberId the member record of this person, or null for accounts of no member
 * @param grants every role the account holds, per organization
 */
public record Actor(AccountId accountId, String username, String displayName, @Nullable Long memberId,
        Set<Grant> grants, boolean mustChangePassword) {

    public Actor {
        grants = Set.copyOf(grants);
    }

    public Optional<Long> member() {
        return Optional.ofNullable(memberId);
    }

    public boolean hasRole(OrganizationId organization, Role role) {
        return grants.contains(new Grant(organization, role));
    }

    /** Returns whether the actor holds any role at all in the organization itself. */
    public boolean hasAnyRoleIn(OrganizationId organization) {
        return grants.stream().anyMatch(grant -> grant.organizationId().equals(organization));
    }

    /** Returns whether the actor is the secretary or deputy secretary of the cell. */
    public boolean runsCell(OrganizationId cell) {
        return grants.stream().anyMatch(grant -> grant.organizationId().equals(cell) && grant.role().runsCell());
    }

    /** Returns whether the actor administers the system somewhere, which shows no party content. */
    public boolean isAdministrator() {
        return grants.stream().anyMatch(grant -> grant.role() == Role.SYSTEM_ADMIN);
    }

    /** Returns the organizations in which the actor holds the role. */
    public Set<OrganizationId> organizationsWith(Role role) {
        return grants.stream()
                .filter(grant -> grant.role() == role)
                .map(Grant::organizationId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
