package vn.chibo.discussion;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.MeetingId;
import vn.chibo.member.MemberId;

/**
 * A member's opinion on one agenda item of a meeting.
 *
 * @param body plain text with its line breaks, never HTML
 * @param editedAt when the author last changed the text, or null if never
 * @param spoken whether the chair marked it as spoken in the meeting
 * @param withdrawnAt when the author withdrew it, or null; a withdrawn opinion is kept for the audit
 *        but appears in no list
 */
public record Opinion(OpinionId id, MeetingId meetingId, long agendaItemId, MemberId author, String body,
        Instant postedAt, @Nullable Instant editedAt, boolean spoken, @Nullable Instant withdrawnAt) {

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }
}
