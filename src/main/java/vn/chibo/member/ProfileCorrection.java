package vn.chibo.member;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.importing.RosterColumn;
import vn.chibo.organization.OrganizationId;

/**
 * A member's request to correct one field of their profile, with its decision.
 *
 * @param cellId the cell that kept the record when the request was made, whose secretary decides
 * @param requestedValue the value as the member typed it, decrypted; dates as dd/MM/yyyy
 * @param decisionReason why the request was rejected, or an optional note on an approval
 */
public record ProfileCorrection(long id, MemberId memberId, OrganizationId cellId, RosterColumn field,
        String requestedValue, String reason, CorrectionStatus status, long requestedBy, Instant requestedAt,
        @Nullable Long decidedBy, @Nullable Instant decidedAt, @Nullable String decisionReason) {

    public boolean isPending() {
        return status == CorrectionStatus.PENDING;
    }
}
