package vn.chibo.minutes.web;

import org.jspecify.annotations.Nullable;

/**
 * The text of a draft resolution, or the issue of one.
 *
 * @param decisions the text of the resolution; the issue form has none
 * @param version the resolution's version when the form was shown; a stale one makes the request fail
 */
public record ResolutionFormData(@Nullable String decisions, @Nullable Integer version) {
}
