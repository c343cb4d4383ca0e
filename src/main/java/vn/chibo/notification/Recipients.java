package vn.chibo.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.AccountId;
import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;

/**
 * The recipients of a cell's meeting notices: every member on the cell's roster who has an enabled account,
 * and the officers of the committee that supervises the cell.
 */
@Component
class Recipients {

    private final Members members;
    private final Accounts accounts;
    private final Organizations organizations;

    Recipients(Members members, Accounts accounts, Organizations organizations) {
        this.members = members;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /**
     * One account to notify.
     *
     * @param language the account's chosen language, or null for Vietnamese
     * @param memberId the account's own member record, which contains the e-mail address, or null
     */
    record Recipient(AccountId accountId, @Nullable String language, @Nullable MemberId memberId) {
    }

    /** Returns the recipients of the cell's meeting notices, each account once. */
    List<Recipient> ofCell(OrganizationId cell) {
        Map<AccountId, Recipient> recipients = new LinkedHashMap<>();
        List<Long> roster = members.ofCell(cell).stream().map(member -> member.id().value()).toList();
        accounts.ofMembers(roster).forEach(account -> add(recipients, account));

        organizations.supervisingCommittee(cell).map(Organization::id).ifPresent(committee ->
                accounts.withRolesIn(committee).stream()
                        .filter(account -> isOfficer(account, committee))
                        .forEach(account -> add(recipients, account)));
        return List.copyOf(recipients.values());
    }

    /** Returns the member's own enabled account as a recipient, if the member has one. */
    Optional<Recipient> ofMember(MemberId member) {
        return accounts.findByMember(member.value())
                .filter(AccountRecord::enabled)
                .map(account -> new Recipient(account.id(), account.language(), member));
    }

    /** Returns the e-mail address on the member record, if there is a record and it has one. */
    Optional<String> emailOf(@Nullable MemberId member) {
        if (member == null) {
            return Optional.empty();
        }
        return members.find(member).map(Member::email).filter(email -> !email.isBlank());
    }

    private boolean isOfficer(AccountRecord account, OrganizationId committee) {
        return accounts.grantsOf(account.id()).contains(new Grant(committee, Role.COMMITTEE_OFFICER));
    }

    private static void add(Map<AccountId, Recipient> recipients, AccountRecord account) {
        if (!account.enabled()) {
            return;
        }
        MemberId member = account.memberId() == null ? null : MemberId.of(account.memberId());
        recipients.putIfAbsent(account.id(), new Recipient(account.id(), account.language(), member));
    }
}
