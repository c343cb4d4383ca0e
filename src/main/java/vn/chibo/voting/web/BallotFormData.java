package vn.chibo.voting.web;

import org.jspecify.annotations.Nullable;

/** A ballot as the three buttons send it: the name of the choice. */
public record BallotFormData(@Nullable String choice) {
}
