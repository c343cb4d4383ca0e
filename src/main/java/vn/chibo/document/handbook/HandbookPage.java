package vn.chibo.document.handbook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The current text of one handbook page in one language.
 *
 * @param version the number of the text, 1 for the team's text and one more for each edit
 * @param updatedBy the account of the administrator who wrote this text, or null for the team's text
 */
record HandbookPage(HandbookTopic topic, HandbookLanguage language, String title, String markdown, int version,
        Instant updatedAt, @Nullable Long updatedBy) {
}
