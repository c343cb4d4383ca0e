package vn.chibo.meeting;

import vn.chibo.organization.OrganizationId;

/**
 * A meeting was called off before it started.
 *
 * @param wasAnnounced whether members had been told of it, so that they must now be told it is off
 */
public record MeetingCancelled(MeetingId meetingId, OrganizationId cellId, String reason, boolean wasAnnounced) {
}
