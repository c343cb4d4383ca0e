package vn.chibo.meeting;

import vn.chibo.organization.OrganizationId;

/** A meeting ended: its roll is final. */
public record MeetingClosed(MeetingId meetingId, OrganizationId cellId) {
}
