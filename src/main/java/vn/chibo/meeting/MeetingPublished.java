package vn.chibo.meeting;

import vn.chibo.organization.OrganizationId;

/** A meeting was announced to the members of its cell. */
public record MeetingPublished(MeetingId meetingId, OrganizationId cellId) {
}
