package vn.chibo.minutes;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.member.MemberId;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Rules for reading, writing and approving minutes. Everyone who may see the meeting reads its
 * approved minutes. Drafts, including a correction being written, are read only by those who write
 * or approve them: the chair, the minute taker and whoever runs the cell, because a draft is not yet
 * the cell's record. The meeting's minute taker writes the narrative, and so may whoever runs the cell, who stands in
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

    /** Returns whether the actor may read minutes that are not approved yet. */
    public boolean canReadDrafts(Actor actor, Meeting meeting) {
        return isEditor(actor, meeting) || isChair(actor, meeting);
    }

    /** Returns whether the actor may read this version of the minutes. */
    public boolean canRead(Actor actor, Meeting meeting, Minutes minutes) {
        return canView(actor, meeting) && (minutes.isApproved() || canReadDrafts(actor, meeting));
    }

    /** Returns whether the actor may start a correction now: an editor, once the latest version is approved. */
    public boolean canStartCorrection(Actor actor, Meeting meeting, Minutes latest) {
        return latest.isApproved() && isEditor(actor, meeting);
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

    /** Returns whether the actor may read the resolution: everyone who sees the meeting once it is issued. */
    public boolean canRead(Actor actor, Meeting meeting, Resolution resolution) {
        return canView(actor, meeting) && (resolution.isIssued() || canReadDrafts(actor, meeting));
    }

    /** Returns whether the actor may edit and issue the resolution now: whoever runs the cell, while a draft. */
    public boolean canIssue(Actor actor, Meeting meeting, Resolution resolution) {
        return !resolution.isIssued() && cellAccess.canRun(actor, meeting.cellId());
    }

    /** Fails with forbidden unless the actor may write the narrative: the minute taker, or whoever runs the cell. */
    public void requireEditor(Actor actor, Meeting meeting) {
        if (!isEditor(actor, meeting)) {
            throw new ForbiddenException("minutes.error.notEditor");
        }
    }

    /** Fails with forbidden unless the actor signs the minutes: the named chair or minute taker. */
    public void requireSignatory(Actor actor, Meeting meeting) {
        if (!isChair(actor, meeting) && !isMinuteTaker(actor, meeting)) {
            throw new ForbiddenException("minutes.error.notSignatory");
        }
    }

    /**
     * Fails unless the actor runs the cell, the one right that editing and issuing the resolution need
     * beyond its state, which {@link #canIssue} adds. Those who may not read drafts get not-found, so that
     * a draft resolution stays hidden from them; the chair and the minute taker get forbidden.
     */
    public void requireResolutionWriter(Actor actor, Meeting meeting) {
        if (cellAccess.canRun(actor, meeting.cellId())) {
            return;
        }
        if (!canReadDrafts(actor, meeting)) {
            throw NotFoundException.hidden();
        }
        throw new ForbiddenException("minutes.resolution.error.notIssuer");
    }

    private static boolean isMember(Actor actor, @Nullable MemberId member) {
        return member != null && actor.memberId() != null && actor.memberId() == member.value();
    }
}
