package vn.chibo.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.AccountId;
import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.audit.AuditLog;
import vn.chibo.audit.AuditRecord;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberPermissions;
import vn.chibo.member.Members;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Who read a member's personal data, from the audit log: views of the profile by others, views of
 * the roster of the member's cell that showed contact details, and exports of that roster. Roster
 * entries name the cell, not the member, so the list counts every such view of the member's current
 * cell, which showed the member's phone number and e-mail address to the viewer.
 *
 * <p>The list is shown to those who may see the profile: the member, so that they know who read
 * their data, and those who run the cell or supervise it, who answer for that access.
 */
@Component
public class ProfileAccessList {

    /** The most entries one list shows, newest first. */
    static final int MAX_ENTRIES = 500;

    private static final String PROFILE_VIEWED = "member.viewed";
    private static final String ROSTER_VIEWED = "member.rosterViewed";
    private static final String ROSTER_EXPORTED = "member.rosterExported";

    private final Members members;
    private final MemberPermissions permissions;
    private final AuditLog audit;
    private final Accounts accounts;

    ProfileAccessList(Members members, MemberPermissions permissions, AuditLog audit, Accounts accounts) {
        this.members = members;
        this.permissions = permissions;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** The kind of personal data a reader opened: a profile, a roster with contact details, or a roster export. */
    public enum AccessKind {
        PROFILE, ROSTER_WITH_CONTACTS, ROSTER_EXPORT;

        public String messageKey() {
            return "privacy.access.kind." + name();
        }
    }

    /**
     * One read of the member's data.
     *
     * @param readerName the reader's display name, or empty when the account no longer exists
     */
    public record Access(Instant at, long readerAccountId, String readerName, AccessKind kind) {
    }

    /** A member and who read their data, newest first. */
    public record AccessView(Member member, List<Access> entries, boolean self) {
    }

    /**
     * Returns who read the member's data, for the member and those who may see the full profile.
     *
     * @throws NotFoundException when the member does not exist or is on no roster the actor may see
     * @throws ForbiddenException when the actor may see the roster but not the profile
     */
    @Transactional(readOnly = true)
    public AccessView of(Actor actor, MemberId id) {
        Member member = members.find(id).orElseThrow(NotFoundException::hidden);
        boolean self = actor.memberId() != null && actor.memberId() == id.value();
        if (!self) {
            permissions.requireViewProfile(actor, member.cellId(), member);
        }
        return new AccessView(member, entriesAbout(member), self);
    }

    /** Returns the reads of the member's data by anybody, newest first, at most {@value #MAX_ENTRIES}. */
    List<Access> entriesAbout(Member member) {
        var records = new ArrayList<AuditRecord>();
        records.addAll(audit.recordsAbout("member", member.id().value(), Set.of(PROFILE_VIEWED), MAX_ENTRIES));
        for (AuditRecord record : audit.recordsAbout("organization", member.cellId().value(),
                Set.of(ROSTER_VIEWED, ROSTER_EXPORTED), MAX_ENTRIES)) {
            boolean contactsShown = ROSTER_EXPORTED.equals(record.action())
                    || "contacts=true".equals(record.detail());
            if (contactsShown) {
                records.add(record);
            }
        }
        records.sort(Comparator.comparingLong(AuditRecord::id).reversed());

        Map<Long, String> names = new HashMap<>();
        List<Access> entries = new ArrayList<>();
        for (AuditRecord record : records.subList(0, Math.min(records.size(), MAX_ENTRIES))) {
            if (record.actorAccountId() == null) {
                continue;
            }
            long reader = record.actorAccountId();
            String name = names.computeIfAbsent(reader, this::displayName);
            entries.add(new Access(record.occurredAt(), reader, name, kindOf(record.action())));
        }
        return entries;
    }

    private String displayName(long accountId) {
        return accounts.find(AccountId.of(accountId)).map(AccountRecord::displayName).orElse("");
    }

    private static AccessKind kindOf(String action) {
        return switch (action) {
            case PROFILE_VIEWED -> AccessKind.PROFILE;
            case ROSTER_EXPORTED -> AccessKind.ROSTER_EXPORT;
            default -> AccessKind.ROSTER_WITH_CONTACTS;
        };
    }
}
