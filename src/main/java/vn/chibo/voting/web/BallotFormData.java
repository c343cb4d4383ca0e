package vn.chibo.voting.web;

import org.jspecify.annotations.Nullable;

/**
 * A ballot as the buttons send it.
 *
 * @param choice the name of the choice
 * @param confirmed true from the button that confirms the choice; without it the choice is only shown back for confirmation
 * @param attempt in a secret ballot, the {@link vn.chibo.voting.BallotAttempt} of the confirmation form
 */
public record BallotFormData(@Nullable String choice, @Nullable Boolean confirmed, @Nullable String attempt) {

    public boolean isConfirmed() {
        return Boolean.TRUE.equals(confirmed);
    }
}
