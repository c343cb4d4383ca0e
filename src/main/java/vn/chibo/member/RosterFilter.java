package vn.chibo.member;

import org.jspecify.annotations.Nullable;

/**
 * What a roster shows: members whose name contains the search text (without regard to case or
 * diacritics) and who have the chosen statuses. A null status or transfer state stands for all.
 */
public record RosterFilter(String search, @Nullable MembershipStatus membership, @Nullable ActivityStatus activity,
        @Nullable TransferState transfer) {

    /** Where a member on the roster is active, as the transfer filter chooses. */
    public enum TransferState {
        /** Sent out: active in another unit for a while. */
        AWAY,
        /** Attached to this cell for a while, from another cell or a unit outside the platform. */
        ATTACHED,
        /** Neither: active, exempt or suspended in the own cell. */
        HOME;

        static TransferState of(ActivityStatus activity) {
            return switch (activity) {
                case SENT_OUT -> AWAY;
                case ATTACHED_IN -> ATTACHED;
                default -> HOME;
            };
        }

        /** Returns the message key of the value's name in the user's language. */
        public String messageKey() {
            return "member.filter.transfer." + name();
        }
    }

    public RosterFilter {
        search = search.strip();
    }

    /** The whole roster. */
    public static RosterFilter all() {
        return new RosterFilter("", null, null, null);
    }

    /** Returns whether the filter shows every member. */
    public boolean isEmpty() {
        return search.isEmpty() && !hasStatusFilter();
    }

    /** Returns whether a status or transfer state is chosen, whatever the search. */
    public boolean hasStatusFilter() {
        return membership != null || activity != null || transfer != null;
    }

    /** Returns whether a member of the roster passes the status filters; the search is applied in SQL. */
    boolean matchesStatus(Member member) {
        return (membership == null || member.membershipStatus() == membership)
                && (activity == null || member.activityStatus() == activity)
                && (transfer == null || TransferState.of(member.activityStatus()) == transfer);
    }
}
