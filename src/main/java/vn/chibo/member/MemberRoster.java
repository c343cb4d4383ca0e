package vn.chibo.member;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;

/**
 * Shows a cell's roster to those who may see the cell. Member data is sensitive personal data, so
 * every view is audited, with whether phone numbers and e-mail addresses were shown.
 */
@Component
public class MemberRoster {

    private final Members members;
    private final Accounts accounts;
    private final MemberPermissions permissions;
    private final AuditLog audit;

    MemberRoster(Members members, Accounts accounts, MemberPermissions permissions, AuditLog audit) {
        this.members = members;
        this.accounts = accounts;
        this.permissions = permissions;
        this.audit = audit;
    }

    /**
     * Returns the roster, or the members whose name contains the search text without regard to case
     * or diacritics.
     */
    @Transactional
    public RosterView view(Actor actor, OrganizationId cellId, String search) {
        Organization cell = permissions.requireViewRoster(actor, cellId);
        boolean showContacts = permissions.canSeeContactDetails(actor, cellId);

        List<Member> all = members.ofCell(cellId);
        List<Member> found = search.isBlank() ? all : members.search(cellId, search);
        Set<Long> withAccounts = accounts.membersWithAccounts(all.stream().map(member -> member.id().value()).toList());
        List<RosterView.Entry> entries = found.stream()
                .map(member -> new RosterView.Entry(member, withAccounts.contains(member.id().value())))
                .toList();

        audit.record(new AuditEntry(actor.accountId().value(), cellId.value(), "member.rosterViewed", "organization",
                cellId.value(), "contacts=" + showContacts));
        return new RosterView(cell, entries, RosterView.Summary.of(all), search.strip(), showContacts,
                permissions.canManageRoster(actor, cellId));
    }
}
