package vn.chibo.voting.web;

import org.jspecify.annotations.Nullable;

import vn.chibo.voting.InvalidShowOfHands;
import vn.chibo.voting.ShowOfHandsCount;

/** The chair's count of raised hands as the form sends it, each figure as typed. */
public record ShowOfHandsFormData(@Nullable String votesFor, @Nullable String votesAgainst,
        @Nullable String abstentions) {

    /** Reads the three figures, and fails with a message requesting whole numbers from 0 up otherwise. */
    ShowOfHandsCount toCount() {
        return new ShowOfHandsCount(figure(votesFor), figure(votesAgainst), figure(abstentions));
    }

    private static int figure(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidShowOfHands("voting.error.countMissing");
        }
        try {
            return Integer.parseInt(text.strip());
        }
        catch (NumberFormatException notANumber) {
            throw new InvalidShowOfHands("voting.error.countNotNumber");
        }
    }
}
