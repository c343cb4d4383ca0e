package vn.chibo.document.library;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.document.Classification;
import vn.chibo.document.DocumentKind;
import vn.chibo.organization.OrganizationId;

/**
 * A document of an organization's library, without its file: the owner holds and issues it.
 *
 * @param number số và ký hiệu, such as "15-NQ/ĐU", or null when the document has none
 * @param issuedOn the date of issue printed on the document, or null when unknown
 * @param tags the tags as the manager typed them
 * @param withdrawnAt when a manager withdrew the document, or null while readers see it
 */
public record LibraryDocument(LibraryDocumentId id, OrganizationId ownerId, String title, @Nullable String number,
        @Nullable LocalDate issuedOn, @Nullable String issuingBody, DocumentKind kind, Classification classification,
        @Nullable String summary, List<String> tags, Instant createdAt, long createdBy, Instant updatedAt,
        @Nullable Instant withdrawnAt) {

    public LibraryDocument {
        tags = List.copyOf(tags);
    }

    public boolean isInternal() {
        return classification == Classification.INTERNAL;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** Returns the details as a form or an edit starts from them. */
    public DocumentDetails details() {
        return new DocumentDetails(title, number, issuedOn, issuingBody, kind, classification, summary, tags);
    }
}
