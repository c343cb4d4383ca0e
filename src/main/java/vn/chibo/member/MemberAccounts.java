package vn.chibo.member;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.AccountIssuing;
import vn.chibo.account.Accounts;
import vn.chibo.account.Passkeys;
import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.NotFoundException;

/**
 * Issues sign-in accounts to the members of a cell, to be handed out on printed slips. A member's
 * office in the cell becomes the account role of the same name, beside {@link Role#MEMBER}.
 */
@Component
public class MemberAccounts {

    private final Members members;
    private final Accounts accounts;
    private final AccountIssuing issuing;
    private final MemberPermissions permissions;
    private final Passkeys passkeys;

    MemberAccounts(Members members, Accounts accounts, AccountIssuing issuing, MemberPermissions permissions,
            Passkeys passkeys) {
        this.members = members;
        this.accounts = accounts;
        this.issuing = issuing;
        this.permissions = permissions;
        this.passkeys = passkeys;
    }

    /**
     * Why a member gets no account. The reasons never say that a phone number is the user name of an
     * account outside the cell, because that would let a secretary find out who uses the platform.
     */
    public enum SkipReason {
        ALREADY_HAS_ACCOUNT,
        NO_PHONE,
        /** Another member of the same cell has the phone number, which the secretary can see anyway. */
        PHONE_SHARED_IN_CELL,
        /** The phone number cannot become a user name, for a reason the cell may not learn. */
        PHONE_NOT_USABLE
    }

    /** A member who gets no account, and why. */
    public record Skip(MemberId memberId, String memberName, SkipReason reason) {
    }

    /** The members who would get an account now, and those who would not. */
    public record Plan(Organization cell, List<Member> toIssue, List<Skip> skipped) {
    }

    /**
     * The details a member needs to sign in the first time, shown once.
     *
     * @param username the user name, which is the member's phone number
     * @param initialPassword the password to change at the first sign-in; it is stored only as a hash
     */
    public record Slip(String cellName, String memberName, String username, String initialPassword) {
    }

    /** The slips of the accounts issued now, and the members who got none. */
    public record Issue(Organization cell, List<Slip> slips, List<Skip> skipped) {
    }

    /** Returns who would get an account if accounts were issued now. */
    @Transactional(readOnly = true)
    public Plan plan(Actor actor, OrganizationId cellId) {
        Organization cell = permissions.requireManageRoster(actor, cellId);
        List<Member> roster = members.ownMembers(cellId);
        Set<Long> withAccounts = accounts.membersWithAccounts(roster.stream().map(member -> member.id().value())
                .toList());

        var toIssue = new ArrayList<Member>();
        var skipped = new ArrayList<Skip>();
        var phonesTaken = new HashSet<String>();
        Map<String, Long> phoneCounts = phoneCounts(roster);
        for (Member member : roster) {
            SkipReason reason = skipReason(member, withAccounts, phonesTaken, phoneCounts);
            if (reason == null) {
                toIssue.add(member);
            }
            else {
                skipped.add(new Skip(member.id(), member.fullName(), reason));
            }
        }
        return new Plan(cell, toIssue, skipped);
    }

    /** Issues accounts to every member of the cell who has none, with the members' offices as roles. */
    public Issue issue(Actor actor, OrganizationId cellId) {
        Organization cell = permissions.requireManageRoster(actor, cellId);
        List<Member> roster = members.ownMembers(cellId);
        List<AccountIssuing.Request> requests = roster.stream()
                .map(member -> new AccountIssuing.Request(member.id().value(), member.fullName(), member.phone(),
                        member.cellRole() == null ? Set.of() : Set.of(Role.valueOf(member.cellRole().name()))))
                .toList();

        AccountIssuing.Result result = issuing.issue(actor, cellId, requests);
        List<Slip> slips = result.issued().stream()
                .map(issued -> new Slip(cell.name(), issued.displayName(), issued.username(),
                        issued.initialPassword()))
                .toList();
        Map<MemberId, Member> byId = roster.stream().collect(Collectors.toMap(Member::id, Function.identity()));
        Map<String, Long> phoneCounts = phoneCounts(roster);
        List<Skip> skipped = result.skipped().stream()
                .map(skip -> {
                    Member member = Objects.requireNonNull(byId.get(MemberId.of(skip.memberId())));
                    return new Skip(member.id(), skip.displayName(), reasonOf(skip.reason(), member, phoneCounts));
                })
                .toList();
        return new Issue(cell, slips, skipped);
    }

    /** Returns the member of the cell, or fails with not-found for a member of another cell. */
    @Transactional(readOnly = true)
    public Member member(Actor actor, OrganizationId cellId, MemberId memberId) {
        permissions.requireManageRoster(actor, cellId);
        return memberOf(cellId, memberId);
    }

    /** Returns whether the member has an account whose password could be reset. */
    public boolean hasAccount(MemberId memberId) {
        return accounts.findByMember(memberId.value()).isPresent();
    }

    /**
     * Counts the passkeys of the member's account, 0 without an account. A new password leaves them
     * working, so the reset page shows the secretary how many there are.
     */
    public int passkeyCount(MemberId memberId) {
        return accounts.findByMember(memberId.value()).map(account -> passkeys.countOf(account.id())).orElse(0);
    }

    /**
     * Gives a member's account a new initial password, for a member who forgot theirs.
     *
     * @throws NotFoundException when the member is in another cell or has no account
     */
    public Slip resetPassword(Actor actor, OrganizationId cellId, MemberId memberId) {
        Organization cell = permissions.requireManageRoster(actor, cellId);
        Member member = memberOf(cellId, memberId);
        AccountIssuing.Issued issued = issuing.resetPassword(actor, cellId, member.id().value());
        return new Slip(cell.name(), member.fullName(), issued.username(), issued.initialPassword());
    }

    private Member memberOf(OrganizationId cellId, MemberId memberId) {
        return members.find(memberId).filter(member -> member.cellId().equals(cellId))
                .orElseThrow(NotFoundException::hidden);
    }

    private @Nullable SkipReason skipReason(Member member, Set<Long> withAccounts, Set<String> phonesTaken,
            Map<String, Long> phoneCounts) {
        if (withAccounts.contains(member.id().value())) {
            return SkipReason.ALREADY_HAS_ACCOUNT;
        }
        String phone = member.phone();
        if (phone == null || phone.isBlank()) {
            return SkipReason.NO_PHONE;
        }
        if (!phonesTaken.add(phone) || accounts.usernameTaken(phone)) {
            return phoneClash(phone, phoneCounts);
        }
        return null;
    }

    private static SkipReason reasonOf(AccountIssuing.SkipReason reason, Member member,
            Map<String, Long> phoneCounts) {
        return switch (reason) {
            case ALREADY_HAS_ACCOUNT -> SkipReason.ALREADY_HAS_ACCOUNT;
            case NO_PHONE -> SkipReason.NO_PHONE;
            case USERNAME_TAKEN -> phoneClash(Objects.requireNonNull(member.phone()), phoneCounts);
        };
    }

    /**
     * Returns why a phone number that is already a user name cannot become one again. Only a number
     * that another member of the cell has is named as such; any other clash gets a reason that does
     * not say whether or where the number has an account.
     */
    private static SkipReason phoneClash(String phone, Map<String, Long> phoneCounts) {
        return phoneCounts.getOrDefault(phone, 0L) > 1 ? SkipReason.PHONE_SHARED_IN_CELL : SkipReason.PHONE_NOT_USABLE;
    }

    private static Map<String, Long> phoneCounts(List<Member> roster) {
        return roster.stream()
                .map(Member::phone)
                .filter(phone -> phone != null && !phone.isBlank())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
