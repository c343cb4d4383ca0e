package vn.chibo.minutes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingId;

/**
 * The minutes of one meeting. The header and the facts are generated from the meeting, its
 * organizations, its roll and its votes when the draft is made, and never change afterwards, so
 * that later renames or edits of the meeting do not change the record. Only the narrative is edited.
 *
 * @param committeeName the superior committee in capitals, as the top left of the form shows it; empty if none
 * @param cellName the cell in capitals
 * @param placeAndDate the locality and the meeting's date, such as "Minh An, ngày 15 tháng 12 năm 2026"
 * @param title the kind of meeting and its month, printed below "BIÊN BẢN"
 * @param updatedBy the account that last edited the narrative, or null while nobody has
 * @param version the optimistic lock, raised by every edit and approval
 * @param versionNo the number of this version of the meeting's minutes, from 1
 * @param correction why and by whom this version was started, or null for the first version
 */
public record Minutes(long id, MeetingId meetingId, String committeeName, String cellName, String placeAndDate,
        String title, MinutesFacts facts, MinutesNarrative narrative, @Nullable String chairName,
        @Nullable String minuteTakerName, MinutesStatus status, Instant draftedAt, Instant updatedAt,
        @Nullable Long updatedBy, @Nullable Instant chairApprovedAt, @Nullable Instant takerApprovedAt,
        int version, int versionNo, @Nullable Correction correction) {

    public boolean isApproved() {
        return status == MinutesStatus.APPROVED;
    }

    /**
     * The request that started a new version of approved minutes.
     *
     * @param requestedBy the account that started the correction
     */
    public record Correction(String reason, long requestedBy, Instant requestedAt) {
    }
}
