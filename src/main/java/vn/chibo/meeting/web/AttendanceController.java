package vn.chibo.meeting.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.account.Actor;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.OnlineSessions;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.ConflictException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;

/**
 * The roll call of a meeting in progress, for those who run the cell: one tap per member. With htmx a
 * tap swaps the member's row and the attendance panel; without script it posts a plain form and
 * comes back to the page.
 */
@Controller
class AttendanceController {

    private final Meetings meetings;
    private final MeetingManagement management;
    private final MeetingPermissions permissions;
    private final AttendanceViews views;
    private final Members members;
    private final OnlineSessions onlineSessions;

    AttendanceController(Meetings meetings, MeetingManagement management, MeetingPermissions permissions,
            AttendanceViews views, Members members, OnlineSessions onlineSessions) {
        this.meetings = meetings;
        this.management = management;
        this.permissions = permissions;
        this.views = views;
        this.members = members;
        this.onlineSessions = onlineSessions;
    }

    @GetMapping("/meetings/{meetingId}/attendance")
    String page(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = requireRollCall(actor, meetingId);

        return renderPage(model, meeting, views.rows(meeting));
    }

    /** Returns the roll's rows alone, which the roll page fetches again when the attendance changes. */
    @GetMapping("/meetings/{meetingId}/attendance/rows")
    String rows(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = requireRollCall(actor, meetingId);

        model.addAttribute("meeting", meeting);
        model.addAttribute("rows", views.rows(meeting));
        return "meeting/attendance :: rollLists";
    }

    @PostMapping("/meetings/{meetingId}/attendance/{memberId}")
    String mark(Actor actor, @PathVariable long meetingId, @PathVariable long memberId,
            @RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String reason,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        Meeting meeting = requireRollCall(actor, meetingId);
        Member member = members.findOnRoster(meeting.cellId(), MemberId.of(memberId))
                .orElseThrow(NotFoundException::hidden);

        AttendanceStatus mark = parseStatus(status);
        if (mark == AttendanceStatus.ABSENT_EXCUSED && (reason == null || reason.isBlank())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            RollRow asking = views.row(meeting, member, null, true);
            if (htmx != null) {
                model.addAttribute("meeting", meeting);
                model.addAttribute("onlineTimes", onlineSessions.of(meeting));
                model.addAttribute("row", asking);
                return "meeting/fragments :: rollRow";
            }
            return renderPage(model, meeting, withRow(views.rows(meeting), asking));
        }

        management.recordAttendance(actor, meeting.id(), member.id(), mark, reason);

        if (htmx == null) {
            return "redirect:/meetings/" + meeting.id() + "/attendance#roll-" + member.id();
        }
        model.addAttribute("meeting", meeting);
        model.addAttribute("onlineTimes", onlineSessions.of(meeting));
        model.addAttribute("row", views.row(meeting, member, null, false));
        model.addAttribute("panel", views.panel(meeting));
        return "meeting/attendance-tap :: tap";
    }

    /**
     * Returns the meeting if the actor runs its cell and it has a roll to show: published (the page
     * explains that the chair must start it first), in progress (open for marking) or closed (final).
     */
    private Meeting requireRollCall(Actor actor, long meetingId) {
        Meeting meeting = meetings.get(MeetingId.of(meetingId));
        permissions.requireManage(actor, meeting);
        if (meeting.isDraft()) {
            throw new ConflictException("meeting.error.rollNotOpen");
        }
        meeting.requireStatus(MeetingStatus.IN_PROGRESS, MeetingStatus.PUBLISHED, MeetingStatus.CLOSED,
                MeetingStatus.MINUTES_APPROVED);
        return meeting;
    }

    private String renderPage(Model model, Meeting meeting, AttendanceViews.RollRows rows) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("rows", rows);
        model.addAttribute("onlineTimes", onlineSessions.of(meeting));
        model.addAttribute("panel", views.panel(meeting));
        model.addAttribute("canManage", true);
        return "meeting/attendance";
    }

    private static AttendanceViews.RollRows withRow(AttendanceViews.RollRows rows, RollRow replacement) {
        return new AttendanceViews.RollRows(replaced(rows.expected(), replacement), replaced(rows.others(), replacement));
    }

    private static List<RollRow> replaced(List<RollRow> rows, RollRow replacement) {
        return rows.stream()
                .map(row -> row.member().id().equals(replacement.member().id()) ? replacement : row)
                .toList();
    }

    private static AttendanceStatus parseStatus(@Nullable String status) {
        try {
            return AttendanceStatus.valueOf(status == null ? "" : status);
        }
        catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("meeting.error.statusInvalid");
        }
    }
}
