package vn.chibo.voting;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A disciplinary penalty a cell may vote on, in order of weight from the lightest. The cell decides a
 * reprimand, a warning or a removal from post itself; for an expulsion its vote is a proposal to the
 * committee above.
 */
public enum Penalty {
    /** Khiển trách. */
    REPRIMAND,
    /** Cảnh cáo. */
    WARNING,
    /** Cách chức: removal from a post held in the party. */
    REMOVAL,
    /** Khai trừ: expulsion, which the cell can only propose. */
    EXPULSION;

    /** The penalties from the heaviest down, the order in which votes add up. */
    public static final List<Penalty> HEAVIEST_FIRST = Arrays.stream(values())
            .sorted(Comparator.reverseOrder())
            .toList();

    /** Returns whether a probationary member may get this penalty: only a reprimand or a warning. */
    public boolean allowedForProbationary() {
        return this == REPRIMAND || this == WARNING;
    }

    public static Optional<Penalty> parse(@Nullable String name) {
        return Arrays.stream(values()).filter(penalty -> penalty.name().equals(name)).findFirst();
    }

    public String messageKey() {
        return "voting.penalty." + name();
    }
}
