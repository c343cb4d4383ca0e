package vn.chibo.meeting;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.Member;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.Members;

/**
 * The roster of each closed meeting, kept as it stood at closing. The figures of a closed meeting are
 * its official record, so they must not follow later status changes, transfers or new members.
 */
@Component
class MeetingRosters {

    private final JdbcClient jdbc;
    private final Members members;

    MeetingRosters(JdbcClient jdbc, Members members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    /** Keeps the roster in its order, with each member's status at this moment. */
    void keep(MeetingId meeting, List<Member> roster) {
        for (int position = 0; position < roster.size(); position++) {
            Member member = roster.get(position);
            jdbc.sql("""
                    insert into meeting_roster (meeting_id, member_id, position, membership_status, activity_status)
                    values (:meeting, :member, :position, :membership, :activity)
                    """)
                    .param("meeting", meeting.value())
                    .param("member", member.id().value())
                    .param("position", position)
                    .param("membership", member.membershipStatus().name())
                    .param("activity", member.activityStatus().name())
                    .update();
        }
    }

    /**
     * Returns the kept roster, each member with the status of the closing, or empty for a meeting that is
     * not closed, or that was closed before rosters were kept.
     */
    Optional<List<Member>> kept(MeetingId meeting) {
        List<KeptMember> kept = jdbc.sql("""
                select member_id, membership_status, activity_status from meeting_roster
                where meeting_id = :meeting order by position
                """)
                .param("meeting", meeting.value())
                .query((row, number) -> new KeptMember(MemberId.of(row.getLong("member_id")),
                        MembershipStatus.valueOf(row.getString("membership_status")),
                        ActivityStatus.valueOf(row.getString("activity_status"))))
                .list();
        if (kept.isEmpty()) {
            return Optional.empty();
        }

        // Member records are never deleted, so each one is found; its statuses are those of the closing.
        return Optional.of(kept.stream()
                .flatMap(each -> members.find(each.id())
                        .map(member -> member.withStatus(each.membership(), each.activity())).stream())
                .toList());
    }

    private record KeptMember(MemberId id, MembershipStatus membership, ActivityStatus activity) {
    }
}
