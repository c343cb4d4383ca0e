package vn.chibo.member;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.chibo.organization.OrganizationId;

/**
 * One step in a member's status history: the membership and activity status in force from its
 * effective date on.
 *
 * @param cellId the cell whose roster the member was on when the step was recorded
 * @param decidedBy who decided, as the decision writes it; null for a recorded or imported status
 * @param resolution the number and date of the resolution or decision behind the step, as text
 * @param hostCellId for a member sent out: the host cell on this platform
 * @param hostUnit for a member sent out: the host unit's name when it is not on this platform
 * @param toCellId for a permanent transfer: the cell the member moved to
 * @param recordedBy the account that recorded the step; null for one the platform wrote itself
 */
public record StatusChange(long id, MemberId memberId, OrganizationId cellId, StatusChangeKind kind,
        LocalDate effectiveDate, MembershipStatus membershipStatus, ActivityStatus activityStatus,
        @Nullable String decidedBy, @Nullable String resolution, @Nullable OrganizationId hostCellId,
        @Nullable String hostUnit, @Nullable OrganizationId toCellId, @Nullable Long recordedBy, Instant recordedAt) {
}
