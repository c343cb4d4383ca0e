package vn.chibo.minutes.web;

import org.jspecify.annotations.Nullable;

/**
 * The minute taker's form: the text and the version it was written against.
 *
 * @param version the minutes' version when the form was shown; a stale one makes the save fail
 */
public record MinutesFormData(@Nullable String body, @Nullable Integer version) {
}
