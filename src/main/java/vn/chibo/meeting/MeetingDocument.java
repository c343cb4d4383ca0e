package vn.chibo.meeting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.document.StoredFile;

/**
 * A file attached to a meeting, such as the draft resolution.
 *
 * @param file the stored file as uploaded, with its name, content type and size
 * @param copy the PDF copy that readers get with their watermark, or null when they get the file itself
 */
public record MeetingDocument(MeetingDocumentId id, MeetingId meetingId, StoredFile file, Instant attachedAt,
        @Nullable StoredFile copy) {

    /** Returns the file that readers download: the PDF copy when there is one, else the file as uploaded. */
    public StoredFile served() {
        return copy != null ? copy : file;
    }

    /**
     * Returns whether the document was attached later than {@link MeetingManagement#DOCUMENTS_LEAD_TIME}
     * before the meeting's planned start, so that members had less than a day to read it. A document
     * attached to a draft counts the same, since members see it no earlier than it was attached.
     */
    public boolean isLateFor(Meeting meeting) {
        return attachedAt.isAfter(meeting.startsAt().minus(MeetingManagement.DOCUMENTS_LEAD_TIME));
    }
}
