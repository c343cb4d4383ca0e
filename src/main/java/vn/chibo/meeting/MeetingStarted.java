package vn.chibo.meeting;

import vn.chibo.organization.OrganizationId;

/** The chair opened a published meeting; check-in and votes are possible from now on. */
public record MeetingStarted(MeetingId meetingId, OrganizationId cellId) {
}
