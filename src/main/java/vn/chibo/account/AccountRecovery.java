package vn.chibo.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.Organization;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Recovers an account whose holder forgot the password or lost the phone with the second factor and
 * the recovery codes, for accounts that a cell secretary may not reset: secretaries, deputies,
 * committee officers and anyone with roles in several organizations. {@link RolePermissions#canRecover}
 * decides who may. A recovery works as {@link CredentialReset} describes and is audited as
 * {@code account.recovered}, with counts only.
 */
@Component
public class AccountRecovery {

    static final String RECOVERED = "account.recovered";

    private static final Logger log = LoggerFactory.getLogger(AccountRecovery.class);

    private final Accounts accounts;
    private final RolePermissions permissions;
    private final Organizations organizations;
    private final SecondFactorStore secondFactors;
    private final Passkeys passkeys;
    private final SignedInSessions sessions;
    private final ApiTokens tokens;
    private final CredentialReset credentialReset;
    private final AuditLog audit;

    AccountRecovery(Accounts accounts, RolePermissions permissions, Organizations organizations,
            SecondFactorStore secondFactors, Passkeys passkeys, SignedInSessions sessions, ApiTokens tokens,
            CredentialReset credentialReset, AuditLog audit) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.organizations = organizations;
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.tokens = tokens;
        this.credentialReset = credentialReset;
        this.audit = audit;
    }

    /** A role of the account to recover, with the name of its organization. */
    public record HeldRole(Role role, String organizationName) {
    }

    /**
     * What a recovery of the account would remove, for the page that asks to confirm it.
     *
     * @param secondFactor whether the account has a confirmed second factor
     * @param recoveryCodesLeft its unused recovery codes
     * @param secondFactorRequired whether a role of the account requires enrolling a second factor again
     */
    public record Preview(AccountRecord account, List<HeldRole> roles, boolean secondFactor, int recoveryCodesLeft,
            int passkeys, int sessions, int apiTokens, boolean secondFactorRequired) {
    }

    /** A recovered account with its new initial password, which is shown this once. */
    public record Recovered(AccountId accountId, String displayName, String username, String initialPassword,
            boolean secondFactorRequired) {
    }

    /** Returns whether the actor may recover the account, for a link on the roles page. */
    @Transactional(readOnly = true)
    public boolean canRecover(Actor actor, AccountId account) {
        return permissions.canRecover(actor, account, accounts.grantsOf(account));
    }

    /**
     * Returns what a recovery of the account would remove.
     *
     * @throws NotFoundException when the account does not exist or holds no role the actor may see
     * @throws ForbiddenException when the account is the actor's own, or the actor sees it but may not recover it
     */
    @Transactional(readOnly = true)
    public Preview preview(Actor actor, AccountId accountId) {
        AccountRecord account = requireRecoverable(actor, accountId);
        List<Grant> grants = accounts.grantsOf(accountId);
        return new Preview(account, heldRoles(grants), secondFactors.isConfirmed(accountId),
                secondFactors.recoveryCodesLeft(accountId), passkeys.countOf(accountId), sessions.countOf(accountId),
                tokens.listOf(accountId).size(), SecondFactors.isRequired(grants));
    }

    /**
     * Recovers the account: a new initial password, no second factor, no passkeys, no sessions and no
     * API tokens.
     *
     * @throws NotFoundException when the account does not exist or holds no role the actor may see
     * @throws ForbiddenException when the account is the actor's own, or the actor sees it but may not recover it
     */
    @Transactional
    public Recovered recover(Actor actor, AccountId accountId) {
        AccountRecord account = requireRecoverable(actor, accountId);

        CredentialReset.Outcome outcome = credentialReset.reset(account);
        audit.record(new AuditEntry(actor.accountId().value(), null, RECOVERED, "account", accountId.value(),
                outcome.auditDetail()));
        log.info("Account {} recovered account {}: {}", actor.accountId(), accountId, outcome.auditDetail());
        return new Recovered(accountId, account.displayName(), account.username(), outcome.initialPassword(),
                SecondFactors.isRequired(accounts.grantsOf(accountId)));
    }

    private AccountRecord requireRecoverable(Actor actor, AccountId accountId) {
        AccountRecord account = accounts.find(accountId).orElseThrow(NotFoundException::hidden);
        List<Grant> grants = accounts.grantsOf(accountId);
        if (accountId.equals(actor.accountId())) {
            throw new ForbiddenException("account.recovery.error.own");
        }
        if (permissions.canRecover(actor, accountId, grants)) {
            return account;
        }
        if (!permissions.seesHolder(actor, grants)) {
            throw NotFoundException.hidden();
        }
        log.info("Rejected the recovery of account {} by account {}: it holds roles beyond the actor's committees",
                accountId, actor.accountId());
        boolean administrator = grants.stream().anyMatch(grant -> grant.role() == Role.SYSTEM_ADMIN);
        throw new ForbiddenException(administrator ? "account.recovery.error.administrator"
                : "account.recovery.error.beyondCommittee");
    }

    private List<HeldRole> heldRoles(List<Grant> grants) {
        List<HeldRole> roles = new ArrayList<>();
        for (Grant grant : grants) {
            String name = organizations.find(grant.organizationId()).map(Organization::name).orElse("");
            roles.add(new HeldRole(grant.role(), name));
        }
        roles.sort(Comparator.comparing(HeldRole::organizationName).thenComparing(HeldRole::role));
        return List.copyOf(roles);
    }
}
