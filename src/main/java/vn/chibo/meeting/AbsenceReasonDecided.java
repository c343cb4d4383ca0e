package vn.chibo.meeting;

import vn.chibo.member.MemberId;
import vn.chibo.organization.OrganizationId;

/**
 * The secretary approved or rejected the reason a member gave for staying away from a meeting.
 *
 * @param revision the number of decisions on this member's reasons for the meeting so far, which
 *     distinguishes a decision from an earlier one on a changed answer
 */
public record AbsenceReasonDecided(MeetingId meetingId, OrganizationId cellId, MemberId memberId, boolean approved,
        int revision) {
}
