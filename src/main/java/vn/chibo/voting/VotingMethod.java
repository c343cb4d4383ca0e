package vn.chibo.voting;

/** The method by which the members present vote on an open motion. */
public enum VotingMethod {
    /** Each eligible member casts a ballot in the product, one per member. */
    ELECTRONIC,
    /** Giơ tay: the chair counts the hands and records only the totals. */
    SHOW_OF_HANDS;

    public String messageKey() {
        return "voting.method." + name();
    }
}
