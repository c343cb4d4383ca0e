package vn.chibo.member;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Shows and edits a member's profile. Every read by anyone other than the member is audited, as is
 * every change, with the names of the fields that changed and never their values.
 */
@Component
public class MemberProfiles {

    private static final Logger log = LoggerFactory.getLogger(MemberProfiles.class);

    private final Members members;
    private final MemberStatus status;
    private final MemberPermissions permissions;
    private final Organizations organizations;
    private final Accounts accounts;
    private final AuditLog audit;

    MemberProfiles(Members members, MemberStatus status, MemberPermissions permissions, Organizations organizations,
            Accounts accounts, AuditLog audit) {
        this.members = members;
        this.status = status;
        this.permissions = permissions;
        this.organizations = organizations;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * A member's profile as the page shows it.
     *
     * @param cell the cell whose roster the page was opened from
     * @param member the record as that roster shows it: attached in, for a member of another cell
     * @param ownCell the cell that keeps the record
     * @param hostCell the cell where the member is active for a while, when it is on this platform
     * @param transferTargets the cells the viewer may send or move the member to; empty when the viewer may not
     */
    public record ProfileView(Organization cell, Member member, Organization ownCell, @Nullable Organization hostCell,
            List<StatusChange> history, Map<Long, String> cellNames, boolean self, boolean canEdit,
            boolean canTransfer, List<Organization> transferTargets) {
    }

    /** Returns the profile of a member on the cell's roster, for those who may see it. */
    @Transactional
    public ProfileView view(Actor actor, OrganizationId cellId, MemberId id) {
        Organization cell = permissions.requireViewRoster(actor, cellId);
        Member onRoster = members.findOnRoster(cellId, id).orElseThrow(NotFoundException::hidden);
        Member own = members.get(id);
        permissions.requireViewProfile(actor, cellId, own);

        boolean self = actor.memberId() != null && actor.memberId() == id.value();
        if (!self) {
            audit.record(new AuditEntry(actor.accountId().value(), cellId.value(), "member.viewed", "member", id.value(),
                    null));
        }
        List<StatusChange> history = status.history(actor, cellId, id);
        boolean canEdit = own.cellId().equals(cellId) && permissions.canEditProfile(actor, own);
        boolean canTransfer = own.cellId().equals(cellId) && permissions.canTransferAtAll(actor, own);
        return new ProfileView(cell, onRoster, organizations.get(own.cellId()),
                own.hostCellId() == null ? null : organizations.find(own.hostCellId()).orElse(null), history,
                cellNames(history), self, canEdit, canTransfer, canTransfer ? transferTargets(actor, own) : List.of());
    }

    /** Returns the record of one of the cell's own members for editing, for those who run the cell. */
    @Transactional(readOnly = true)
    public Member forEditing(Actor actor, OrganizationId cellId, MemberId id) {
        permissions.requireViewRoster(actor, cellId);
        Member member = members.findOnRoster(cellId, id).orElseThrow(NotFoundException::hidden);
        if (!member.cellId().equals(cellId) || !permissions.canEditProfile(actor, member)) {
            throw ForbiddenException.notAllowed();
        }
        return member;
    }

    /**
     * Saves the edited profile. Membership and activity status are not edited here: they change only
     * through decisions and transfers, which the history records.
     *
     * @return the fields that changed, in the order of the roster's columns
     * @throws InvalidProfile when another member of the cell has the party card number
     */
    @Transactional
    public List<RosterColumn> update(Actor actor, OrganizationId cellId, MemberId id, NewMember edited) {
        Member member = forEditing(actor, cellId, id);
        NewMember values = edited.withStatus(member.membershipStatus(), member.activityStatus(),
                edited.officialDate());
        String card = values.partyCardNumber();
        if (card != null && members.cardTaken(cellId, card, id)) {
            throw new InvalidProfile("partyCardNumber", "member.profile.error.cardTaken");
        }
        List<RosterColumn> changed = changedFields(member.values(), values);
        if (changed.isEmpty()) {
            return changed;
        }

        members.update(id, values, actor.accountId().value());
        if (changed.contains(RosterColumn.PHONE)) {
            // The account keeps signing in with its user name; the phone look-up follows the new number.
            accounts.findByMember(id.value()).ifPresent(account -> accounts.updatePhone(account.id(), values.phone()));
        }
        audit.record(new AuditEntry(actor.accountId().value(), cellId.value(), "member.updated", "member", id.value(),
                "fields=" + String.join(",", changed.stream().map(RosterColumn::name).toList())));
        log.info("Member {} of cell {}: {} fields changed by account {}", id, cellId, changed.size(),
                actor.accountId());
        return changed;
    }

    /** Returns the id of the actor's own member record and the cell that keeps it, if the actor has one. */
    @Transactional(readOnly = true)
    public Optional<Member> own(Actor actor) {
        return actor.member().flatMap(id -> members.find(MemberId.of(id)));
    }

    private static List<RosterColumn> changedFields(NewMember before, NewMember after) {
        var changed = new ArrayList<RosterColumn>();
        for (RosterColumn column : RosterColumn.values()) {
            if (!Objects.equals(column.valueIn(before), column.valueIn(after))) {
                changed.add(column);
            }
        }
        return changed;
    }

    private Map<Long, String> cellNames(List<StatusChange> history) {
        var names = new LinkedHashMap<Long, String>();
        for (StatusChange step : history) {
            for (OrganizationId id : new OrganizationId[] { step.cellId(), step.hostCellId(), step.toCellId() }) {
                if (id != null && !names.containsKey(id.value())) {
                    organizations.find(id).ifPresent(found -> names.put(id.value(), found.name()));
                }
            }
        }
        return names;
    }

    /**
     * Returns the cells the actor may send or move the member to: the other cells under the member's
     * committee, and for a committee officer every cell under the officer's committees.
     */
    private List<Organization> transferTargets(Actor actor, Member member) {
        var targets = new LinkedHashMap<OrganizationId, Organization>();
        organizations.supervisingCommittee(member.cellId())
                .ifPresent(committee -> collectCells(committee.id(), targets, 0));
        for (OrganizationId committee : actor.organizationsWith(Role.COMMITTEE_OFFICER)) {
            if (organizations.isWithin(member.cellId(), committee)) {
                collectCells(committee, targets, 0);
            }
        }
        targets.remove(member.cellId());
        return targets.values().stream()
                .filter(cell -> permissions.canTransfer(actor, member, cell.id()))
                .sorted(Comparator.comparing(Organization::name, Collator.getInstance(Locale.of("vi"))))
                .toList();
    }

    /** Adds the cells below an organization; the tree is a few levels deep, so the depth bound is generous. */
    private void collectCells(OrganizationId parent, Map<OrganizationId, Organization> cells, int depth) {
        if (depth > 10) {
            return;
        }
        for (Organization child : organizations.children(parent)) {
            if (child.isCell()) {
                cells.put(child.id(), child);
            }
            else {
                collectCells(child.id(), cells, depth + 1);
            }
        }
    }
}
