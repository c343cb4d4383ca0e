package vn.chibo.discussion.web;

import org.jspecify.annotations.Nullable;

/** The text of an opinion as the form sends it. */
record OpinionFormData(@Nullable String text) {

    String textOrEmpty() {
        return text == null ? "" : text;
    }
}
