package vn.chibo.minutes.web;

import org.jspecify.annotations.Nullable;

/** The request to correct approved minutes, with the reason for the correction. */
public record CorrectionFormData(@Nullable String reason) {
}
