package vn.chibo.meeting.web;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingResponse;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.Member;

/**
 * One member's row of the roll call.
 *
 * @param response the member's own answer, or null if the member has not answered
 * @param mark the member's mark on the roll, or null while unmarked
 * @param suggestion the mark the member's answer suggests, or null without an answer
 * @param reasonDraft the reason to record with an excused absence: the one typed, else the member's own
 * @param reasonMissing whether an excused absence was tapped without a reason, so the row asks for one
 */
record RollRow(Member member, @Nullable MeetingResponse response, @Nullable RollMark mark,
        @Nullable AttendanceStatus suggestion, String reasonDraft, boolean reasonMissing) {

    public boolean isMarked(AttendanceStatus status) {
        return mark != null && mark.status() == status;
    }

    public boolean isSuggested(AttendanceStatus status) {
        return mark == null && suggestion == status;
    }
}
