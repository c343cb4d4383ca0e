package vn.chibo.voting;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a receipt code found among the counted ballots of a closed secret ballot.
 *
 * @param counted whether a counted ballot has this code
 * @param choice the choice the ballot was counted as in a vote for or against, or null
 * @param marks the lines an election or discipline ballot with this code marks, in ballot order. It is
 *        empty for a blank ballot (in a discipline vote, one for no penalty) and for other kinds.
 */
public record ReceiptCheck(boolean counted, @Nullable BallotChoice choice, List<BallotOption> marks) {

    public ReceiptCheck {
        marks = List.copyOf(marks);
    }

    /** Creates the check of a vote for, against or abstain: the choice, or null when no ballot has the code. */
    public ReceiptCheck(@Nullable BallotChoice choice) {
        this(choice != null, choice, List.of());
    }
}
