package vn.chibo.meeting;

/** The secretary's decision on the reason a member gave for staying away. */
public enum ReasonDecision {
    PENDING,
    /** The roll records the member as absent with an approved reason. */
    APPROVED,
    /** The roll records the member as absent without reason. */
    REJECTED
}
