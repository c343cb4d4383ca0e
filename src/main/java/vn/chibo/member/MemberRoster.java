package vn.chibo.member;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;

/**
 * Shows a cell's roster to those who may see the cell. Member data is sensitive personal data, so
 * every view is audited, with whether phone numbers and e-mail addresses were shown.
 */
@Component
public class MemberRoster {

    private final Members members;
    private final Accounts accounts;
    private final MemberPermissions permissions;
    private final Organizations organizations;
    private final AuditLog audit;

    MemberRoster(Members members, Accounts accounts, MemberPermissions permissions, Organizations organizations,
            AuditLog audit) {
        this.members = members;
        this.accounts = accounts;
        this.permissions = permissions;
        this.organizations = organizations;
        this.audit = audit;
    }

    /**
     * Returns the roster, or the members whose name contains the search text without regard to case
     * or diacritics.
     */
    @Transactional
    public RosterView view(Actor actor, OrganizationId cellId, String search) {
        return view(actor, cellId, new RosterFilter(search, null, null, null));
    }

    /** Returns the members of the roster who pass the filter, in Vietnamese name order. */
    @Transactional
    public RosterView view(Actor actor, OrganizationId cellId, RosterFilter filter) {
        Organization cell = permissions.requireViewRoster(actor, cellId);
        boolean showContacts = permissions.canSeeContactDetails(actor, cellId);

        List<Member> all = members.ofCell(cellId);
        List<Member> found = filtered(cellId, filter, all);
        Set<Long> withAccounts = accounts.membersWithAccounts(all.stream().map(member -> member.id().value()).toList());
        Map<OrganizationId, String> cellNames = new HashMap<>();
        List<RosterView.Entry> entries = found.stream()
                .map(member -> new RosterView.Entry(member, withAccounts.contains(member.id().value()),
                        permissions.canViewProfile(actor, member),
                        member.cellId().equals(cellId) ? null : cellNames.computeIfAbsent(member.cellId(),
                                id -> organizations.find(id).map(Organization::name).orElse(""))))
                .toList();

        audit.record(new AuditEntry(actor.accountId().value(), cellId.value(), "member.rosterViewed", "organization",
                cellId.value(), "contacts=" + showContacts));
        return new RosterView(cell, entries, RosterView.Summary.of(all), filter.search(), showContacts,
                permissions.canManageRoster(actor, cellId), filter);
    }

    /**
     * Returns the members of the roster who pass the filter, for an export by those who run the cell.
     * The caller audits the export.
     */
    List<Member> filtered(OrganizationId cellId, RosterFilter filter, List<Member> all) {
        List<Member> searched = filter.search().isBlank() ? all : members.search(cellId, filter.search());
        return searched.stream().filter(filter::matchesStatus).toList();
    }
}
