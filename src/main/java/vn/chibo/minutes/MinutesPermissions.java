package vn.chibo.minutes;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.member.MemberId;

/**
 * Rules for reading, writing and approving minutes. Everyone who may see the meeting reads them.
 * The meeting's minute taker writes the narrative, and so may whoever runs the cell, who stands in
 * when the minute taker has no account or is away. Only the named chair and minute taker approve the
 * minutes: an approval stands for a signature, so nobody gives it in their place.
 */
@Component
public class MinutesPermissions {

    private final MeetingPermissions meetingPermissions;
    private final CellAccess cellAccess;

    MinutesPermissions(MeetingPermissions meetingPermissions, CellAccess cellAccess) {
        this.meetingPermissions = meetingPermissions;
        this.cellAccess = cellAccess;
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

    /** Returns whether the actor may write the narrative at all: the minute taker, or whoever runs the cell. */
    public boolean isEditor(Actor actor, Meeting meeting) {
        return isMinuteTaker(actor, meeting) || cellAccess.canRun(actor, meeting.cellId());
    }

    /** Returns whether the actor may change the narrative now: an editor, while the minutes are a draft. */
    public boolean canEdit(Actor actor, Meeting meeting, Minutes minutes) {
        return !minutes.isApproved() && isEditor(actor, meeting);
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
