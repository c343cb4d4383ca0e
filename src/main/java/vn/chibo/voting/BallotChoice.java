package vn.chibo.voting;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** What a member answers to a motion. An abstention counts as not in favour. */
public enum BallotChoice {
    /** Tán thành. */
    FOR,
    /** Không tán thành. */
    AGAINST,
    /** Không có ý kiến: present and voting, but neither for nor against. */
    ABSTAIN;

    /** Returns the choice with exactly this name, or empty for anything else. */
    public static Optional<BallotChoice> parse(@Nullable String name) {
        return Arrays.stream(values()).filter(choice -> choice.name().equals(name)).findFirst();
    }

    public String messageKey() {
        return "voting.choice." + name();
    }
}
