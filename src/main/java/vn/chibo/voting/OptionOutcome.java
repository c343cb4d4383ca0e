package vn.chibo.voting;

/** What a closed election or discipline vote made of one option on its ballot. */
public enum OptionOutcome {
    /** Trúng cử: the candidate takes a seat. */
    ELECTED,
    /** Tied for the last seats: goes to a runoff among the tied candidates. */
    RUNOFF,
    /** Không trúng cử. */
    NOT_ELECTED,
    /** The penalty the vote decided, or for an expulsion, proposed. */
    DECIDED,
    /** A penalty the vote did not decide. */
    NOT_DECIDED;

    public String messageKey() {
        return "voting.outcome." + name();
    }
}
