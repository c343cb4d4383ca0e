package vn.chibo.minutes;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.member.MemberId;

/**
 * Rules for reading, writing and approving minutes. Everyone who may see the meeting reads them.
 * Only the meeting's minute taker writes them, and only the named chair and minute taker approve
 * them. An approval stands for a signature, so whoever runs the cell cannot give it in the chair's
 * place.
 */
@Component
public class MinutesPermissions {

    private final MeetingPermissions meetingPermissions;

    MinutesPermissions(MeetingPermissions meetingPermissions) {
        this.meetingPermissions = meetingPermissions;
    }

    public boolean canView(Actor actor, Meeting meeting) {
        return meetingPermissions.canView(actor, meeting);
    }

    public void requireView(Actor actor, Meeting meeting) {
        meetingPermissions.requireView(actor, meeting);
    }

    public boolean isChair(Actor actor, Meeting meeting) {
        return isMember(actor, meeting.chair());
    }

    public boolean isMinuteTaker(Actor actor, Meeting meeting) {
        return isMember(actor, meeting.minuteTaker());
    }

    /** Returns whether the actor may change the text: the minute taker, while the minutes are a draft. */
    public boolean canEdit(Actor actor, Meeting meeting, Minutes minutes) {
        return !minutes.isApproved() && isMinuteTaker(actor, meeting);
    }

    /** Returns whether the actor has an approval still to give on the current text. */
    public boolean canApprove(Actor actor, Meeting meeting, Minutes minutes) {
        if (minutes.isApproved()) {
            return false;
        }
        return isChair(actor, meeting) && minutes.chairApprovedAt() == null
                || isMinuteTaker(actor, meeting) && minutes.takerApprovedAt() == null;
    }

    private static boolean isMember(Actor actor, @Nullable MemberId member) {
        return member != null && actor.memberId() != null && actor.memberId() == member.value();
    }
}
