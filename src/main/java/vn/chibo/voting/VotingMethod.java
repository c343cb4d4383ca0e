package vn.chibo.voting;

/** The method by which the members present vote on an open motion. */
public enum VotingMethod {
    /** Each eligible member casts a ballot in the product, one per member. */
    ELECTRONIC,
    /** Giơ tay: the chair counts the hands and records only the totals. */
    SHOW_OF_HANDS,
    /**
     * Bỏ phiếu kín: each eligible member casts one ballot in the product, stored apart from the roll of
     * who voted so that no ballot can be traced to its voter. The voter gets a receipt code to check it.
     */
    SECRET;

    /** Returns whether members cast their own ballots in the product, openly or secretly. */
    public boolean takesBallots() {
        return this != SHOW_OF_HANDS;
    }

    public String messageKey() {
        return "voting.method." + name();
    }
}
