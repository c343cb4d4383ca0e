package vn.chibo.voting;

import org.jspecify.annotations.Nullable;

/**
 * What a receipt code found among the counted ballots of a closed secret ballot.
 *
 * @param choice the choice the ballot was counted as, or null when no counted ballot has this code
 */
public record ReceiptCheck(@Nullable BallotChoice choice) {

    public boolean counted() {
        return choice != null;
    }
}
