package vn.chibo.meeting;

import vn.chibo.member.MemberId;

/** An official member taken out of the denominator of a vote, and why. */
public record DenominatorExclusion(MemberId memberId, Reason reason) {

    public enum Reason {
        /** Active in another unit for a while, and votes there. */
        SENT_OUT,
        /** Exempt from activity and not at the meeting. */
        EXEMPT_ABSENT,
        /** Suspended, prosecuted or detained. */
        SUSPENDED,
        /** Absent for the whole meeting with a reason the cell approved. */
        EXCUSED_ABSENCE
    }
}
