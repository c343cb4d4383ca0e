package vn.chibo.meeting;

import java.time.Instant;

import vn.chibo.document.StoredFile;

/**
 * A file attached to a meeting, such as the draft resolution.
 *
 * @param file the stored file with its name, content type and size
 */
public record MeetingDocument(MeetingDocumentId id, MeetingId meetingId, StoredFile file, Instant attachedAt) {
}
