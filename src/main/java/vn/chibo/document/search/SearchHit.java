package vn.chibo.document.search;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;

/**
 * One document found, as the results list shows it.
 *
 * @param title the title with the matching words marked
 * @param snippet the summary or text around the first match, when a term occurs there
 * @param score the rank; higher comes first
 */
public record SearchHit(long documentId, Snippet title, @Nullable String number, @Nullable LocalDate issuedOn,
        DocumentKind kind, Classification classification, String ownerName, @Nullable Snippet snippet, double score) {
}
