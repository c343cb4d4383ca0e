package vn.chibo.account;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Issues sign-in accounts to the members of a cell. The user name is the member's phone number;
 * the initial password is returned once, to be printed on a slip, and must be changed at the
 * first sign-in. Only its hash is stored.
 */
@Component
public class AccountIssuing {

    private static final Logger log = LoggerFactory.getLogger(AccountIssuing.class);

    private final Accounts accounts;
    private final CellAccess cellAccess;
    private final AuditLog audit;
    private final PasswordRules rules;
    private final CredentialReset credentialReset;
    private final InitialPasswords initialPasswords = new InitialPasswords();

    AccountIssuing(Accounts accounts, CellAccess cellAccess, AuditLog audit, PasswordRules rules,
            CredentialReset credentialReset) {
        this.accounts = accounts;
        this.cellAccess = cellAccess;
        this.audit = audit;
        this.rules = rules;
        this.credentialReset = credentialReset;
    }

    /**
     * One member to issue an account to.
     *
     * @param phone the member's phone number, used as user name; null when the roster has none
     * @param roles the roles to grant in the cell besides {@link Role#MEMBER}
     */
    public record Request(long memberId, String displayName, @Nullable String phone, Set<Role> roles) {
    }

    /** An account issued now, with the initial password that is shown this once. */
    public record Issued(long memberId, String displayName, String username, String initialPassword) {
    }

    /** The reason a member got no account. */
    public enum SkipReason {
        ALREADY_HAS_ACCOUNT, NO_PHONE, USERNAME_TAKEN
    }

    public record Skipped(long memberId, String displayName, SkipReason reason) {
    }

    public record Result(List<Issued> issued, List<Skipped> skipped) {
    }

    /** Issues accounts to the members of the cell who have none yet. Only those who run the cell may. */
    @Transactional
    public Result issue(Actor issuer, OrganizationId cell, List<Request> requests) {
        cellAccess.requireRun(issuer, cell);
        log.info("Issuing accounts for {} members of cell {}", requests.size(), cell);

        Set<Long> withAccounts = accounts.membersWithAccounts(requests.stream().map(Request::memberId).toList());
        var issued = new ArrayList<Issued>();
        var skipped = new ArrayList<Skipped>();
        for (Request request : requests) {
            if (withAccounts.contains(request.memberId())) {
                skipped.add(new Skipped(request.memberId(), request.displayName(), SkipReason.ALREADY_HAS_ACCOUNT));
                continue;
            }
            if (request.phone() == null || request.phone().isBlank()) {
                skipped.add(new Skipped(request.memberId(), request.displayName(), SkipReason.NO_PHONE));
                continue;
            }
            // NOTE: the user name is the phone number, so account.username stores it in plain text even
            // though member.phone is encrypted. Sign-in by phone could use account.phone_lookup alone.
            if (accounts.usernameTaken(request.phone())) {
                skipped.add(new Skipped(request.memberId(), request.displayName(), SkipReason.USERNAME_TAKEN));
                continue;
            }
            issued.add(issueOne(issuer, cell, request));
        }

        log.info("Issued {} accounts for cell {}, skipped {}", issued.size(), cell, skipped.size());
        return new Result(List.copyOf(issued), List.copyOf(skipped));
    }

    /**
     * Gives a member's account a new initial password, for a member who forgot theirs or lost their
     * phone. The reset also removes the second factor and the passkeys and ends every session and API
     * token (see {@link CredentialReset}). The member must change the password at the next sign-in.
     *
     * <p>A reset hands the account to whoever holds the slip, so a secretary may reset only accounts
     * that hold nothing beyond plain membership of this cell: not their own, not another account
     * that runs the cell, and not one with any role in another organization (a committee officer,
     * say). Those go to an officer of the committee above, through {@link AccountRecovery}.
     */
    @Transactional
    public Issued resetPassword(Actor issuer, OrganizationId cell, long memberId) {
        cellAccess.requireRun(issuer, cell);
        AccountRecord account = accounts.findByMember(memberId)
                .orElseThrow(() -> new NotFoundException("account.issue.error.noAccount"));
        if (account.id().equals(issuer.accountId())) {
            throw new ForbiddenException("account.reset.error.own");
        }
        boolean beyondMembership = accounts.grantsOf(account.id()).stream()
                .anyMatch(grant -> !grant.organizationId().equals(cell) || grant.role() != Role.MEMBER
                        && grant.role() != Role.CELL_COMMITTEE_MEMBER);
        if (beyondMembership) {
            log.info("Rejected the reset of account {} by account {}: it holds roles beyond membership of cell {}",
                    account.id(), issuer.accountId(), cell);
            throw new ForbiddenException("account.reset.error.beyondCell");
        }

        CredentialReset.Outcome outcome = credentialReset.reset(account);
        audit.record(new AuditEntry(issuer.accountId().value(), cell.value(), "account.passwordReset", "account",
                account.id().value(), outcome.auditDetail()));
        log.info("Account {} got a new initial password from account {}: {}", account.id(), issuer.accountId(),
                outcome.auditDetail());
        return new Issued(memberId, account.displayName(), account.username(), outcome.initialPassword());
    }

    private Issued issueOne(Actor issuer, OrganizationId cell, Request request) {
        // The user name is the phone number, so the rules check the phone through it.
        var owner = new PasswordRules.Owner(request.phone(), request.displayName(), national -> false);
        String password = initialPasswords.next(candidate -> rules.accepts(candidate, owner));
        var grants = new HashSet<Grant>();
        grants.add(new Grant(cell, Role.MEMBER));
        request.roles().forEach(role -> grants.add(new Grant(cell, role)));
        AccountId id = accounts.create(request.phone(), password, request.displayName(), request.memberId(), true,
                grants);
        audit.record(new AuditEntry(issuer.accountId().value(), cell.value(), "account.issued", "account", id.value(),
                "member=" + request.memberId()));
        String username = accounts.find(id).map(AccountRecord::username).orElseThrow();
        return new Issued(request.memberId(), request.displayName(), username, password);
    }
}
