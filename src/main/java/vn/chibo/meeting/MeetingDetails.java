package vn.chibo.meeting;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * What the secretary sets when scheduling or revising a meeting.
 *
 * @param place where members meet in person; required unless the meeting is online only
 * @param onlineLink the address of the online room; required unless the meeting is in person only
 * @param chair who presides; the secretary unless another member is named
 * @param minuteTaker who writes the minutes
 */
public record MeetingDetails(MeetingKind kind, MeetingMode mode, String title, Instant startsAt, Instant plannedEndAt,
        @Nullable String place, @Nullable String onlineLink, @Nullable MemberId chair, @Nullable MemberId minuteTaker,
        List<AgendaItem> agenda) {

    public MeetingDetails {
        agenda = List.copyOf(agenda);
    }
}
