package vn.chibo.minutes;

/** The effect of an approval request. */
public enum ApprovalOutcome {
    /** Recorded; the other signatory has yet to approve. */
    RECORDED,
    /** Recorded, and with it both signatories have approved: the minutes are final. */
    MINUTES_APPROVED,
    /** The actor had already approved this text; nothing changed. */
    ALREADY_APPROVED
}
