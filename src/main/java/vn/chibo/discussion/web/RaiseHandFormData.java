package vn.chibo.discussion.web;

import org.jspecify.annotations.Nullable;

import vn.chibo.discussion.SpeakerKind;

/** A raised hand as the form sends it: what the member speaks for, and an optional subject. */
record RaiseHandFormData(@Nullable SpeakerKind kind, @Nullable String subject) {
}
