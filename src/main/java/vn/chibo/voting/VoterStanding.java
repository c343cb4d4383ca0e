package vn.chibo.voting;

/** Whether a person may cast a ballot on a motion, and if not, why. */
public enum VoterStanding {
    /** An official member of the cell, marked present, neither sent out nor suspended. */
    ELIGIBLE,
    /** A probationary member: attends and speaks, but never votes. */
    PROBATIONARY,
    /** A member of the cell whom the roll does not mark present in the room or online. */
    NOT_PRESENT,
    /** A member active in another unit for a while, who votes there. */
    SENT_OUT,
    /** A suspended member. */
    SUSPENDED,
    /** Someone who may see the meeting but holds no member record in the cell, such as a committee officer. */
    NOT_CELL_MEMBER;

    public boolean mayVote() {
        return this == ELIGIBLE;
    }

    public String messageKey() {
        return "voting.standing." + name();
    }
}
