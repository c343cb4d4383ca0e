package vn.chibo.member;

/** A secretary approved or rejected a member's profile correction request. */
public record ProfileCorrectionDecided(long correctionId, MemberId memberId, CorrectionStatus status) {
}
