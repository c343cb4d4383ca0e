package vn.chibo.minutes;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.organization.OrganizationId;

/** Reads the resolutions of meetings and the list of a cell's issued resolutions. */
@Component
public class Resolutions {

    private final ResolutionStore store;
    private final Meetings meetings;
    private final MinutesPermissions permissions;
    private final CellAccess cellAccess;

    Resolutions(ResolutionStore store, Meetings meetings, MinutesPermissions permissions, CellAccess cellAccess) {
        this.store = store;
        this.meetings = meetings;
        this.permissions = permissions;
        this.cellAccess = cellAccess;
    }

    /** Returns the resolution of the meeting, drafted or issued, without checking the caller's permissions. */
    public Optional<Resolution> of(MeetingId meeting) {
        return store.find(meeting);
    }

    /**
     * Returns the resolution of the meeting if the actor may read it: issued, or a draft for those who
     * may read drafts. Fails with not-found when the actor may not see the meeting.
     */
    public Optional<Resolution> visibleTo(Actor actor, MeetingId meetingId) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        return store.find(meetingId).filter(resolution -> permissions.canRead(actor, meeting, resolution));
    }

    /**
     * Returns the issued resolutions of the cell, the latest first. Fails with not-found when the actor
     * may not see the cell.
     */
    public List<Resolution> issuedOf(Actor actor, OrganizationId cell) {
        cellAccess.requireView(actor, cell);
        return store.issuedOf(cell);
    }
}
