package vn.chibo.voting;

/**
 * The share of the denominator that must vote in favour. Both are computed in integers, so that no
 * rounding decides a vote at the boundary. With an empty denominator nothing passes.
 */
public enum VoteThreshold {
    /** More than half: votes for × 2 &gt; denominator. */
    MORE_THAN_HALF,
    /** At least two thirds: votes for × 3 ≥ denominator × 2. */
    TWO_THIRDS;

    /** Returns the smallest number of votes in favour that reaches this threshold. */
    public int votesNeeded(int denominator) {
        return switch (this) {
            case MORE_THAN_HALF -> denominator / 2 + 1;
            case TWO_THIRDS -> (denominator * 2 + 2) / 3;
        };
    }

    public boolean passes(int denominator, int votesFor) {
        if (denominator <= 0) {
            return false;
        }
        return switch (this) {
            case MORE_THAN_HALF -> votesFor * 2 > denominator;
            case TWO_THIRDS -> votesFor * 3 >= denominator * 2;
        };
    }

    public String messageKey() {
        return "voting.threshold." + name();
    }
}
