package vn.chibo.voting.web;

import org.jspecify.annotations.Nullable;

/** The form that opens a vote. */
public record MotionFormData(@Nullable String title) {
}
