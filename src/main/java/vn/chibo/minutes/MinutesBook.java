package vn.chibo.minutes;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;

/** Reads the minutes of meetings. */
@Component
public class MinutesBook {

    private final MinutesStore store;
    private final Meetings meetings;
    private final MinutesPermissions permissions;

    MinutesBook(MinutesStore store, Meetings meetings, MinutesPermissions permissions) {
        this.store = store;
        this.meetings = meetings;
        this.permissions = permissions;
    }

    /** Returns the minutes of the meeting, if they have been drafted, without checking the caller's permissions. */
    public Optional<Minutes> of(MeetingId meeting) {
        return store.find(meeting);
    }

    /**
     * Returns the minutes of the meeting if the actor may see the meeting. Fails with not-found when
     * the actor may not, and returns empty while the minutes are not drafted yet.
     */
    public Optional<Minutes> visibleTo(Actor actor, MeetingId meetingId) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        return store.find(meetingId);
    }
}
