package vn.chibo.document.library;

import java.time.Instant;

/**
 * An organization a document was issued to.
 *
 * @param includeBelow whether the organizations below it were issued the document too
 */
public record Recipient(long organizationId, String organizationName, boolean includeBelow, Instant issuedAt) {
}
