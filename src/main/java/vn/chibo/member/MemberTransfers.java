package vn.chibo.member;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.VietnameseText;

/**
 * Moves members between units: sent out to be active in another unit for a while (sinh hoạt tạm thời),
 * back home again, or transferred for good to another cell. Who may record each is decided by
 * {@link MemberPermissions#canTransfer}.
 *
 * <p>A member sent out to a cell on this platform shows on that cell's roster as attached, and the
 * member's account gets the member role there, so that the member can attend and vote where active;
 * the return takes that role away. A permanent transfer moves the record and its whole history to the
 * new cell, drops the office held in the old cell, and moves the account's roles with it.
 */
@Component
public class MemberTransfers {

    private static final Logger log = LoggerFactory.getLogger(MemberTransfers.class);

    private final Members members;
    private final MemberStatus status;
    private final StatusChanges history;
    private final MemberPermissions permissions;
    private final Organizations organizations;
    private final Accounts accounts;
    private final AuditLog audit;

    MemberTransfers(Members members, MemberStatus status, StatusChanges history, MemberPermissions permissions,
            Organizations organizations, Accounts accounts, AuditLog audit) {
        this.members = members;
        this.status = status;
        this.history = history;
        this.permissions = permissions;
        this.organizations = organizations;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Sends a member to be active in another unit for a while.
     *
     * @param hostCell the receiving cell when it is on this platform, else null
     * @param hostUnit the receiving unit's name when it is not on this platform, else null
     */
    @Transactional
    public void sendOut(Actor actor, OrganizationId cell, MemberId id, @Nullable OrganizationId hostCell,
            @Nullable String hostUnit, StatusDecision decision) {
        Member member = ownMember(actor, cell, id);
        String unit = VietnameseText.cleanOrNull(hostUnit);
        OrganizationId target = hostCell == null ? null : receivingCell(member, hostCell).id();
        if (target == null && (unit == null || unit.isEmpty())) {
            throw new InvalidStatusChange("member.transfer.error.hostMissing");
        }
        if (unit != null && unit.length() > StatusDecision.TEXT_LENGTH) {
            throw new InvalidStatusChange("member.status.error.tooLong", StatusDecision.TEXT_LENGTH);
        }
        requireTransfer(actor, member, target);
        StatusRules.checkSendOut(status.current(member), decision.effectiveDate(), members.today());

        String storedUnit = target == null ? unit : null;
        history.add(MemberStatus.step(member, StatusChangeKind.SENT_OUT, member.membershipStatus(),
                ActivityStatus.SENT_OUT, decision, target, storedUnit, null, actor));
        members.setStatus(id, cell, member.membershipStatus(), ActivityStatus.SENT_OUT, member.officialDate(), target,
                storedUnit, false);
        if (target != null) {
            accountOf(id).ifPresent(account -> accounts.grant(account.id(), new Grant(target, Role.MEMBER)));
        }
        audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "member.sentOut", "member", id.value(),
                "host=" + (target == null ? "outside" : target.value())));
        log.info("Member {} of cell {} sent out to {} by account {}", id, cell, target == null ? "a unit outside" : target,
                actor.accountId());
    }

    /** Records that a member sent out is active in the own cell again. */
    @Transactional
    public void returnHome(Actor actor, OrganizationId cell, MemberId id, StatusDecision decision) {
        Member member = ownMember(actor, cell, id);
        if (!permissions.canEditProfile(actor, member) && !permissions.isOfficerAbove(actor, cell)) {
            throw ForbiddenException.notAllowed();
        }
        StatusRules.checkReturn(status.current(member), decision.effectiveDate(), members.today());

        OrganizationId host = member.hostCellId();
        history.add(MemberStatus.step(member, StatusChangeKind.RETURNED, member.membershipStatus(),
                ActivityStatus.ACTIVE, decision, null, null, null, actor));
        members.setStatus(id, cell, member.membershipStatus(), ActivityStatus.ACTIVE, member.officialDate(), null, null,
                false);
        if (host != null) {
            accountOf(id).ifPresent(account -> accounts.revoke(account.id(), new Grant(host, Role.MEMBER)));
        }
        audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "member.returned", "member", id.value(),
                host == null ? null : "host=" + host.value()));
        log.info("Member {} of cell {} back from sinh hoạt tạm thời, recorded by account {}", id, cell,
                actor.accountId());
    }

    /** Moves a member for good to another cell, with the whole status history. */
    @Transactional
    public void transfer(Actor actor, OrganizationId cell, MemberId id, @Nullable OrganizationId toCell,
            StatusDecision decision) {
        Member member = ownMember(actor, cell, id);
        if (toCell == null) {
            throw new InvalidStatusChange("member.transfer.error.noSuchCell");
        }
        Organization target = receivingCell(member, toCell);
        requireTransfer(actor, member, target.id());
        StatusRules.checkTransfer(status.current(member), decision.effectiveDate(), members.today());

        history.add(MemberStatus.step(member, StatusChangeKind.TRANSFERRED, member.membershipStatus(),
                member.activityStatus(), decision, null, null, target.id(), actor));
        members.setStatus(id, target.id(), member.membershipStatus(), member.activityStatus(), member.officialDate(),
                null, null, true);
        accountOf(id).ifPresent(account -> moveRoles(account, cell, target.id()));
        String detail = "from=" + cell.value() + " to=" + target.id().value();
        audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "member.transferredOut", "member",
                id.value(), detail));
        audit.record(new AuditEntry(actor.accountId().value(), target.id().value(), "member.transferredIn", "member",
                id.value(), detail));
        log.info("Member {} transferred from cell {} to cell {} by account {}", id, cell, target.id(),
                actor.accountId());
    }

    /**
     * Fails with not-found or forbidden when the actor may record no transfer of the member at all.
     * {@link #sendOut}, {@link #returnHome} and {@link #transfer} start with the same check. Forms call
     * it before they read their fields, so that a refusal never depends on the input.
     */
    @Transactional(readOnly = true)
    public void requireTransferAtAll(Actor actor, OrganizationId cell, MemberId id) {
        ownMember(actor, cell, id);
    }

    /** Returns the member, who must be kept by this cell, or fails with not-found or forbidden. */
    private Member ownMember(Actor actor, OrganizationId cell, MemberId id) {
        Member member = status.onRoster(actor, cell, id);
        if (!member.cellId().equals(cell) || !permissions.canTransferAtAll(actor, member)) {
            throw ForbiddenException.notAllowed();
        }
        return member;
    }

    private Organization receivingCell(Member member, OrganizationId id) {
        Optional<Organization> found = organizations.find(id).filter(Organization::isCell);
        if (found.isEmpty() || found.get().id().equals(member.cellId())) {
            throw new InvalidStatusChange("member.transfer.error.noSuchCell");
        }
        // An archived cell takes no new members, for a while or for good.
        organizations.requireActive(id);
        return found.get();
    }

    private void requireTransfer(Actor actor, Member member, @Nullable OrganizationId target) {
        if (!permissions.canTransfer(actor, member, target)) {
            throw new ForbiddenException("member.transfer.error.otherCommittee");
        }
    }

    private Optional<AccountRecord> accountOf(MemberId id) {
        return accounts.findByMember(id.value());
    }

    private void moveRoles(AccountRecord account, OrganizationId from, OrganizationId to) {
        accounts.grantsOf(account.id()).stream()
                .filter(grant -> grant.organizationId().equals(from))
                .forEach(grant -> accounts.revoke(account.id(), grant));
        accounts.grant(account.id(), new Grant(to, Role.MEMBER));
    }
}
