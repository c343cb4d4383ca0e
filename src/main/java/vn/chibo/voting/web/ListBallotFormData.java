package vn.chibo.voting.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.voting.InvalidBallotMarks;

/**
 * An election or discipline ballot as the form sends it.
 *
 * @param marks the positions of the marked lines; a blank value (the "no penalty" choice) marks none
 * @param confirmed true from the button that confirms the marks; without it they are only shown back
 * @param attempt the {@link vn.chibo.voting.BallotAttempt} of the confirmation form
 */
public record ListBallotFormData(@Nullable List<String> marks, @Nullable Boolean confirmed,
        @Nullable String attempt) {

    public boolean isConfirmed() {
        return Boolean.TRUE.equals(confirmed);
    }

    /** Returns the marked positions, or fails as a ballot marking a line that is not on it. */
    List<Integer> positions() {
        var positions = new ArrayList<Integer>();
        for (String mark : marks == null ? List.<String>of() : marks) {
            if (mark == null || mark.isBlank()) {
                continue;
            }
            try {
                positions.add(Integer.parseInt(mark.strip()));
            }
            catch (NumberFormatException notAPosition) {
                throw InvalidBallotMarks.notOnBallot();
            }
        }
        return positions;
    }
}
