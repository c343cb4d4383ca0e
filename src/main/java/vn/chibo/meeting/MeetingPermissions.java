package vn.chibo.meeting;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Who may do what with a meeting. Members of the cell and the committees above it see published and
 * closed meetings; drafts are seen only by those who run the cell, who also manage meetings.
 */
@Component
public class MeetingPermissions {

    private final CellAccess cellAccess;

    MeetingPermissions(CellAccess cellAccess) {
        this.cellAccess = cellAccess;
    }

    public boolean canView(Actor actor, Meeting meeting) {
        if (!cellAccess.canView(actor, meeting.cellId())) {
            return false;
        }
        return !meeting.isDraft() || canManage(actor, meeting);
    }

    public boolean canManage(Actor actor, Meeting meeting) {
        return cellAccess.canRun(actor, meeting.cellId());
    }

    /** Returns whether the actor chairs the meeting, or runs the cell and may stand in for the chair. */
    public boolean canChair(Actor actor, Meeting meeting) {
        var chair = meeting.chair();
        boolean isChair = chair != null && actor.memberId() != null && actor.memberId() == chair.value();
        return isChair || canManage(actor, meeting);
    }

    public void requireView(Actor actor, Meeting meeting) {
        if (!canView(actor, meeting)) {
            throw NotFoundException.hidden();
        }
    }

    public void requireManage(Actor actor, Meeting meeting) {
        requireView(actor, meeting);
        if (!canManage(actor, meeting)) {
            throw ForbiddenException.notAllowed();
        }
    }

    public void requireChair(Actor actor, Meeting meeting) {
        requireView(actor, meeting);
        if (!canChair(actor, meeting)) {
            throw ForbiddenException.notAllowed();
        }
    }
}
