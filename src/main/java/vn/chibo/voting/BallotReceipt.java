package vn.chibo.voting;

/** What became of a ballot that was accepted. */
public enum BallotReceipt {
    /** This request stored the ballot. */
    RECORDED,
    /** An earlier request of the same member stored the same choice; nothing changed. */
    ALREADY_RECORDED
}
