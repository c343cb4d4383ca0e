package vn.chibo.document.library;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;

/**
 * One line of a library list: a document the reader may open, with its owner's name.
 *
 * @param unread whether the reader is a member who has not opened the document's content yet; false for
 *        accounts of no member, who get no read receipts
 */
public record LibraryEntry(LibraryDocumentId id, String title, @Nullable String number, @Nullable LocalDate issuedOn,
        DocumentKind kind, Classification classification, long ownerId, String ownerName, Instant createdAt,
        boolean unread) {
}
