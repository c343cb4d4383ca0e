package vn.chibo.minutes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingId;
import vn.chibo.organization.OrganizationId;

/**
 * The resolution (nghị quyết) of a meeting: a document of its own with the header of the minutes,
 * whose text states the cell's decisions. It is drafted from the motions that passed when the meeting
 * closes, edited by those who run the cell, and issued on its own, independently of the minutes'
 * approval. Issuing gives it its number and date, and an issued resolution never changes.
 *
 * @param locality the place printed before the date, such as "Minh An"
 * @param title the kind of meeting and its month, as the minutes have it
 * @param decisions the text below the title, one paragraph a line
 * @param signerName who signs for the cell: the meeting's chair, or null if none was named
 * @param issueYear the calendar year of issue in Vietnam's time zone, or null while a draft
 * @param number the number within the cell and the year, from 1, or null while a draft
 * @param placeAndDate the place and date line fixed at issue, or null while a draft
 * @param version the optimistic lock, raised by every edit and by the issue
 */
public record Resolution(long id, MeetingId meetingId, OrganizationId cellId, String committeeName, String cellName,
        String locality, String title, String decisions, @Nullable String signerName, ResolutionStatus status,
        @Nullable Integer issueYear, @Nullable Integer number, @Nullable String placeAndDate,
        @Nullable Instant issuedAt, @Nullable Long issuedBy, Instant draftedAt, Instant updatedAt,
        @Nullable Long updatedBy, int version) {

    public boolean isIssued() {
        return status == ResolutionStatus.ISSUED;
    }

    /** Returns the number as printed, such as "03-NQ/CB", or null while a draft. */
    public @Nullable String numberText() {
        return number == null ? null : String.format("%02d-NQ/CB", number);
    }
}
