package vn.chibo.voting;

/** The chair's count of raised hands on a motion voted by show of hands. */
public record ShowOfHandsCount(int votesFor, int votesAgainst, int abstentions) {

    /** Returns the hands counted, as a long so that no large entry wraps round below the limit. */
    public long total() {
        return (long) votesFor + votesAgainst + abstentions;
    }

    boolean hasNegative() {
        return votesFor < 0 || votesAgainst < 0 || abstentions < 0;
    }
}
