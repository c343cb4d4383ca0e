package vn.chibo.meeting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingResponse;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;

/** Builds the roll call's rows and the attendance panel from the roster, the answers and the roll. */
@Component
class AttendanceViews {

    private final Meetings meetings;
    private final MeetingResponses responses;

    AttendanceViews(Meetings meetings, MeetingResponses responses) {
        this.meetings = meetings;
        this.responses = responses;
    }

    AttendancePanel panel(Meeting meeting) {
        Map<MemberId, Member> roster = rosterOf(meeting);
        AttendanceTally tally = meetings.tally(meeting.id());
        var exclusions = tally.exclusions().stream()
                .filter(exclusion -> roster.containsKey(exclusion.memberId()))
                .map(exclusion -> new AttendancePanel.Exclusion(roster.get(exclusion.memberId()), exclusion.reason()))
                .toList();
        return new AttendancePanel(tally, named(tally.notRecorded(), roster), named(tally.absentExcused(), roster),
                named(tally.absentUnexcused(), roster), exclusions);
    }

    /** Returns the rows of every member in Vietnamese name order, split into expected and others. */
    RollRows rows(Meeting meeting) {
        Map<MemberId, RollMark> roll = meetings.roll(meeting.id());
        Map<MemberId, MeetingResponse> answers = responses.of(meeting.id());
        var expected = new ArrayList<RollRow>();
        var others = new ArrayList<RollRow>();
        for (Member member : meetings.rosterOf(meeting)) {
            RollRow row = row(member, answers.get(member.id()), roll.get(member.id()), null, false);
            (member.isExpectedAtMeetings() ? expected : others).add(row);
        }
        return new RollRows(expected, others);
    }

    /** Returns one member's row; a typed reason, if any, takes the place of the member's own. */
    RollRow row(Meeting meeting, Member member, @Nullable String typedReason, boolean reasonMissing) {
        return row(member, responses.of(meeting.id(), member.id()).orElse(null),
                meetings.markOf(meeting.id(), member.id()).orElse(null), typedReason, reasonMissing);
    }

    private static RollRow row(Member member, @Nullable MeetingResponse response, @Nullable RollMark mark,
            @Nullable String typedReason, boolean reasonMissing) {
        String reason = typedReason != null && !typedReason.isBlank() ? typedReason
                : mark != null && mark.absenceReason() != null ? mark.absenceReason()
                : response != null && response.reason() != null ? response.reason() : "";
        AttendanceStatus suggestion = response == null ? null : response.suggestedMark();
        return new RollRow(member, response, mark, suggestion, reason, reasonMissing);
    }

    private Map<MemberId, Member> rosterOf(Meeting meeting) {
        return meetings.rosterOf(meeting).stream().collect(Collectors.toMap(Member::id, Function.identity()));
    }

    private static List<Member> named(List<MemberId> ids, Map<MemberId, Member> roster) {
        return ids.stream().filter(roster::containsKey).map(roster::get).toList();
    }

    /** The roll call's rows: first the members the cell expects, then those exempt, sent out or suspended. */
    record RollRows(List<RollRow> expected, List<RollRow> others) {
    }
}
