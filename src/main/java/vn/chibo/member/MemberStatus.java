package vn.chibo.member;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Records the decisions that change a member's membership or activity status, and reads the status
 * history. The status in force always follows from the history ({@link StatusRules#inForce}); the
 * member record keeps a copy for lists and filters, written in the same transaction as the step.
 */
@Component
public class MemberStatus {

    private static final Logger log = LoggerFactory.getLogger(MemberStatus.class);

    private final Members members;
    private final StatusChanges history;
    private final MemberPermissions permissions;
    private final AuditLog audit;

    MemberStatus(Members members, StatusChanges history, MemberPermissions permissions, AuditLog audit) {
        this.members = members;
        this.history = history;
        this.permissions = permissions;
        this.audit = audit;
    }

    /** Returns the member's status history, oldest first, for those who may see the profile. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(Actor actor, OrganizationId cell, MemberId id) {
        Member member = onRoster(actor, cell, id);
        permissions.requireViewProfile(actor, cell, member);
        return history.of(id);
    }

    /**
     * Records a decision of the member's own cell: recognition as official member, exemption,
     * suspension or the end of either.
     *
     * @throws InvalidStatusChange when the current status, the rules or the dates do not allow it
     */
    @Transactional
    public void decide(Actor actor, OrganizationId cell, MemberId id, MembershipStatus membership,
            ActivityStatus activity, StatusDecision decision) {
        Member member = decidable(actor, cell, id);
        StatusRules.checkDecision(current(member), membership, activity, decision.effectiveDate(), members.today());

        var officialDate = membership == MembershipStatus.OFFICIAL && member.isProbationary()
                ? decision.effectiveDate() : member.officialDate();
        history.add(step(member, StatusChangeKind.STATUS, membership, activity, decision, null, null, null, actor));
        members.setStatus(id, member.cellId(), membership, activity, officialDate, null, null, false);
        audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "member.statusChanged", "member",
                id.value(), "membership=" + membership + " activity=" + activity));
        log.info("Member {} of cell {}: status {} / {} from the decision recorded by account {}", id, cell, membership,
                activity, actor.accountId());
    }

    /** Returns the status in force with the facts the rules check against, from the member's history. */
    StatusRules.Current current(Member member) {
        List<StatusChange> steps = history.of(member.id());
        if (steps.isEmpty()) {
            return new StatusRules.Current(member.membershipStatus(), member.activityStatus(), member.admissionDate(),
                    null);
        }
        StatusChange inForce = StatusRules.inForce(steps);
        return new StatusRules.Current(inForce.membershipStatus(), inForce.activityStatus(), member.admissionDate(),
                inForce.effectiveDate());
    }

    /** Fails with not-found unless the member is on the roster of a cell the actor may see. */
    @Transactional(readOnly = true)
    public void requireOnRoster(Actor actor, OrganizationId cell, MemberId id) {
        onRoster(actor, cell, id);
    }

    /**
     * Fails as {@link #decide} does when the actor may not record status decisions on the member: with
     * not-found for outsiders and with forbidden for those who only see the roster. Forms call it before
     * they read their fields, so that a refusal never depends on the input.
     */
    @Transactional(readOnly = true)
    public void requireDecide(Actor actor, OrganizationId cell, MemberId id) {
        decidable(actor, cell, id);
    }

    private Member decidable(Actor actor, OrganizationId cell, MemberId id) {
        Member member = onRoster(actor, cell, id);
        if (!member.cellId().equals(cell) || !permissions.canEditProfile(actor, member)) {
            throw ForbiddenException.notAllowed();
        }
        return member;
    }

    /** Returns the member's own record, or fails with not-found unless the member is on the cell's roster. */
    Member onRoster(Actor actor, OrganizationId cell, MemberId id) {
        permissions.requireViewRoster(actor, cell);
        return members.findOnRoster(cell, id).map(found -> members.get(found.id()))
                .orElseThrow(NotFoundException::hidden);
    }

    static StatusChanges.Step step(Member member, StatusChangeKind kind, MembershipStatus membership,
            ActivityStatus activity, StatusDecision decision, @Nullable OrganizationId hostCell,
            @Nullable String hostUnit, @Nullable OrganizationId toCell, Actor actor) {
        return new StatusChanges.Step(member.id(), member.cellId(), kind, decision.effectiveDate(), membership, activity,
                decision.decidedBy(), decision.resolution(), hostCell, hostUnit, toCell, actor.accountId().value());
    }
}
