package vn.chibo.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.VietnameseText;

/**
 * Grants and revokes roles in one organization, as {@link RolePermissions} allows, with an audit
 * entry for each change. A revoked role stops working on the account's next request, because
 * {@link ActorFilter} reads the roles afresh every time.
 */
@Component
public class RoleGrants {

    private static final Logger log = LoggerFactory.getLogger(RoleGrants.class);

    private final Accounts accounts;
    private final Organizations organizations;
    private final RolePermissions permissions;
    private final CellMembers cellMembers;
    private final AuditLog audit;

    RoleGrants(Accounts accounts, Organizations organizations, RolePermissions permissions, CellMembers cellMembers,
            AuditLog audit) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.permissions = permissions;
        this.cellMembers = cellMembers;
        this.audit = audit;
    }

    /**
     * An account that may hold roles in the organization.
     *
     * @param held the roles it holds there
     * @param recoverable whether the actor may recover the account (see {@link AccountRecovery})
     */
    public record Holder(AccountRecord account, Set<Role> held, boolean recoverable) {
    }

    /**
     * The roles page of an organization.
     *
     * @param manageable the roles the actor may grant and revoke there
     * @param holders the accounts that hold a role there or may get one, by name
     */
    public record RolesPage(Organization organization, Set<Role> manageable, List<Holder> holders) {
    }

    /**
     * Returns the roles page. In a committee, {@code find} (a user name or phone number) adds the
     * account it names, when that account is one the actor may give a committee role.
     */
    @Transactional(readOnly = true)
    public RolesPage page(Actor actor, OrganizationId organizationId, @Nullable String find) {
        Organization organization = organization(organizationId);
        Set<Role> manageable = permissions.requireManage(actor, organization);

        Map<AccountId, AccountRecord> candidates = new LinkedHashMap<>();
        if (organization.isCell()) {
            accounts.ofMembers(cellMembers.memberIdsOf(organizationId))
                    .forEach(account -> candidates.put(account.id(), account));
        }
        accounts.withRolesIn(organizationId).forEach(account -> candidates.put(account.id(), account));
        if (find != null && !find.isBlank() && !organization.isCell()) {
            accounts.findForSignIn(find)
                    .filter(account -> mayReceive(actor, organization, account))
                    .ifPresent(account -> candidates.put(account.id(), account));
        }

        List<Holder> holders = new ArrayList<>();
        for (AccountRecord account : candidates.values()) {
            boolean recoverable = permissions.canRecover(actor, account.id(), accounts.grantsOf(account.id()));
            holders.add(new Holder(account, heldIn(account.id(), organizationId), recoverable));
        }
        holders.sort(Comparator.comparing(Holder::account, VietnameseText.byName(AccountRecord::displayName)));
        return new RolesPage(organization, manageable, List.copyOf(holders));
    }

    /**
     * Fails with not-found when the actor may not see the organization, and with forbidden when the
     * actor manages no role in it. Controllers call it before they read the form.
     */
    @Transactional(readOnly = true)
    public void requireManage(Actor actor, OrganizationId organizationId) {
        permissions.requireManage(actor, organization(organizationId));
    }

    /** Returns whether the actor may grant or revoke any role in the organization, for a link to the roles page. */
    @Transactional(readOnly = true)
    public boolean canManage(Actor actor, OrganizationId organizationId) {
        return organizations.find(organizationId)
                .map(organization -> !permissions.manageable(actor, organization).isEmpty())
                .orElse(false);
    }

    /**
     * Grants the role; returns false when the account held it already. An archived organization takes
     * no new roles.
     */
    @Transactional
    public boolean grant(Actor actor, OrganizationId organizationId, AccountId accountId, Role role) {
        Organization organization = organization(organizationId);
        requireRole(actor, organization, role);
        organizations.requireActive(organizationId);
        AccountRecord account = accounts.find(accountId)
                .filter(candidate -> mayReceive(actor, organization, candidate))
                .orElseThrow(() -> new NotFoundException("account.roles.error.noAccount"));

        if (heldIn(accountId, organizationId).contains(role)) {
            return false;
        }
        accounts.grant(account.id(), new Grant(organizationId, role));
        audit.record(new AuditEntry(actor.accountId().value(), organizationId.value(), "account.roleGranted",
                "account", accountId.value(), "role=" + role.name()));
        log.info("Account {} granted {} in organization {} to account {}", actor.accountId(), role, organizationId,
                accountId);
        return true;
    }

    /**
     * Revokes the role; returns false when the account did not hold it. Nobody revokes their own
     * last role that runs a cell, their last committee office or their last administration role:
     * someone above must do it, so that nobody locks themselves out by mistake.
     */
    @Transactional
    public boolean revoke(Actor actor, OrganizationId organizationId, AccountId accountId, Role role) {
        Organization organization = organization(organizationId);
        requireRole(actor, organization, role);
        if (!heldIn(accountId, organizationId).contains(role)) {
            accounts.find(accountId).filter(account -> mayReceive(actor, organization, account))
                    .orElseThrow(() -> new NotFoundException("account.roles.error.noAccount"));
            return false;
        }
        if (accountId.equals(actor.accountId()) && isLastOfItsKind(actor, role)) {
            throw new ForbiddenException("account.roles.error.ownLast");
        }

        accounts.revoke(accountId, new Grant(organizationId, role));
        audit.record(new AuditEntry(actor.accountId().value(), organizationId.value(), "account.roleRevoked",
                "account", accountId.value(), "role=" + role.name()));
        log.info("Account {} revoked {} in organization {} from account {}", actor.accountId(), role, organizationId,
                accountId);
        return true;
    }

    private Organization organization(OrganizationId id) {
        return organizations.find(id).orElseThrow(NotFoundException::hidden);
    }

    private void requireRole(Actor actor, Organization organization, Role role) {
        if (!permissions.requireManage(actor, organization).contains(role)) {
            throw new ForbiddenException("account.roles.error.notAllowed");
        }
    }

    /**
     * Returns whether the account may get a role here: in a cell, the account of a member on its
     * roster or one that holds a role in it already; in a committee, any account for an
     * administrator, and for an officer an account that holds a role at or below the officer's
     * committee.
     */
    private boolean mayReceive(Actor actor, Organization organization, AccountRecord account) {
        List<Grant> grants = accounts.grantsOf(account.id());
        if (organization.isCell()) {
            return grants.stream().anyMatch(grant -> grant.organizationId().equals(organization.id()))
                    || account.memberId() != null
                    && cellMembers.memberIdsOf(organization.id()).contains(account.memberId());
        }
        if (permissions.isAdministrator(actor)) {
            return true;
        }
        Set<OrganizationId> committees = actor.organizationsWith(Role.COMMITTEE_OFFICER);
        return grants.stream().anyMatch(grant -> committees.stream()
                .anyMatch(committee -> organizations.isWithin(grant.organizationId(), committee)));
    }

    private Set<Role> heldIn(AccountId account, OrganizationId organization) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        accounts.grantsOf(account).stream()
                .filter(grant -> grant.organizationId().equals(organization))
                .forEach(grant -> held.add(grant.role()));
        return held;
    }

    private static boolean isLastOfItsKind(Actor actor, Role role) {
        if (role.runsCell()) {
            return count(actor, Role::runsCell) <= 1;
        }
        if (role == Role.COMMITTEE_OFFICER || role == Role.SYSTEM_ADMIN) {
            return count(actor, role::equals) <= 1;
        }
        return false;
    }

    private static long count(Actor actor, Predicate<Role> kind) {
        return actor.grants().stream().filter(grant -> kind.test(grant.role())).count();
    }
}
