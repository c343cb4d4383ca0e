package vn.chibo.meeting;

import java.util.Set;

import vn.chibo.organization.OrganizationId;

/**
 * The time, place, mode or agenda of an announced meeting changed in one save.
 *
 * @param changes what changed; never empty
 * @param revision the meeting's version after the save, which distinguishes two changes of one meeting
 */
public record MeetingChanged(MeetingId meetingId, OrganizationId cellId, Set<MeetingChange> changes, int revision) {

    public MeetingChanged {
        changes = Set.copyOf(changes);
    }
}
