package vn.chibo.member;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.organization.Organization;

/**
 * A cell's roster as its page shows it.
 *
 * @param entries the members who pass the filter, in Vietnamese name order
 * @param summary the counts of the whole roster, whatever the filter
 * @param search the search text as typed, or "" for the whole roster
 * @param showContacts whether the viewer may see phone numbers and e-mail addresses
 * @param canManage whether the viewer may import and export rosters and issue accounts
 * @param filter the filter the entries pass
 */
public record RosterView(Organization cell, List<Entry> entries, Summary summary, String search,
        boolean showContacts, boolean canManage, RosterFilter filter) {

    public RosterView {
        entries = List.copyOf(entries);
    }

    /**
     * A member on the roster and whether the member has a sign-in account.
     *
     * @param canViewProfile whether the viewer may open the member's profile
     * @param ownCellName for a member attached from another cell, that cell's name
     */
    public record Entry(Member member, boolean hasAccount, boolean canViewProfile, @Nullable String ownCellName) {

        public Entry(Member member, boolean hasAccount) {
            this(member, hasAccount, false, null);
        }
    }

    /** The counts of a roster by membership and activity status. */
    public record Summary(int total, int official, int probationary, int exempt, int sentOut, int attachedIn,
            int suspended) {

        static Summary of(List<Member> members) {
            return new Summary(members.size(), count(members, MembershipStatus.OFFICIAL),
                    count(members, MembershipStatus.PROBATIONARY), count(members, ActivityStatus.EXEMPT),
                    count(members, ActivityStatus.SENT_OUT), count(members, ActivityStatus.ATTACHED_IN),
                    count(members, ActivityStatus.SUSPENDED));
        }

        private static int count(List<Member> members, MembershipStatus status) {
            return (int) members.stream().filter(member -> member.membershipStatus() == status).count();
        }

        private static int count(List<Member> members, ActivityStatus status) {
            return (int) members.stream().filter(member -> member.activityStatus() == status).count();
        }
    }
}
