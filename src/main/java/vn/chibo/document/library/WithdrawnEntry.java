package vn.chibo.document.library;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the list of withdrawn documents, which only the managers of their libraries see.
 *
 * @param withdrawnBy the display name of the manager who withdrew it
 */
public record WithdrawnEntry(LibraryDocumentId id, String title, @Nullable String number, String ownerName,
        Instant withdrawnAt, String withdrawnBy) {
}
