package vn.chibo.voting;

/**
 * Which round of an election a vote is. Each round is a secret ballot of its own, opened by the chair
 * after the round before it closed.
 */
public enum ElectionRound {
    /** The first round: candidates elected with more than half of the denominator, the most votes first. */
    FIRST,
    /**
     * Bầu lại: candidates tied for the last seats. They already had more than half of the denominator,
     * so the most votes win the seats left; a new tie needs another runoff.
     */
    RUNOFF,
    /**
     * Bầu bổ sung: seats left unfilled because too few candidates had more than half of the denominator.
     * The candidates not yet elected stand again and need more than half once more.
     */
    FURTHER;

    public String messageKey() {
        return "voting.round." + name();
    }
}
