package vn.chibo.meeting.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.meeting.AgendaItemSection;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingDocument;
import vn.chibo.meeting.MeetingDocumentReads;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.NotFoundException;

/** The page of one meeting, for everyone who may see it, and the list of a cell's meetings. */
@Controller
class MeetingPageController {

    private final Meetings meetings;
    private final MeetingManagement management;
    private final MeetingPermissions permissions;
    private final MeetingDocuments documents;
    private final MeetingResponses responses;
    private final AttendanceViews attendanceViews;
    private final CellAccess cellAccess;
    private final Organizations organizations;
    private final Clock clock;
    private final List<AgendaItemSection> agendaSections;
    private final MeetingDocumentReads documentReads;
    private final MeetingRoomViews roomViews;

    MeetingPageController(Meetings meetings, MeetingManagement management, MeetingPermissions permissions,
            MeetingDocuments documents, MeetingResponses responses, AttendanceViews attendanceViews,
            CellAccess cellAccess, Organizations organizations, Clock clock, List<AgendaItemSection> agendaSections,
            MeetingDocumentReads documentReads, MeetingRoomViews roomViews) {
        this.documentReads = documentReads;
        this.roomViews = roomViews;
        this.meetings = meetings;
        this.management = management;
        this.permissions = permissions;
        this.documents = documents;
        this.responses = responses;
        this.attendanceViews = attendanceViews;
        this.cellAccess = cellAccess;
        this.organizations = organizations;
        this.clock = clock;
        this.agendaSections = agendaSections;
    }

    @GetMapping("/cells/{cellId}/meetings")
    String list(Actor actor, @PathVariable long cellId, Model model) {
        OrganizationId id = OrganizationId.of(cellId);
        cellAccess.requireView(actor, id);
        Organization cell = organizations.get(id);
        if (!cell.isCell()) {
            throw NotFoundException.hidden();
        }

        model.addAttribute("cell", cell);
        model.addAttribute("meetings", meetings.ofCellVisibleTo(actor, id));
        model.addAttribute("canRun", cellAccess.canRun(actor, id));
        model.addAttribute("lengthRule", management.lengthRule());
        return "meeting/list";
    }

    @GetMapping("/meetings/{meetingId}")
    String page(Actor actor, @PathVariable long meetingId, Model model) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        boolean canManage = permissions.canManage(actor, meeting);
        Map<MemberId, Member> roster = meetings.rosterOf(meeting).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Optional<Member> me = permissions.memberOf(actor, meeting);

        model.addAttribute("meeting", meeting);
        model.addAttribute("cell", organizations.get(meeting.cellId()));
        model.addAttribute("chair", nameOf(meeting.chair(), roster));
        model.addAttribute("minuteTaker", nameOf(meeting.minuteTaker(), roster));
        List<MeetingDocument> attached = documents.of(meeting.id());
        model.addAttribute("documents", attached);
        model.addAttribute("lateDocuments", attached.stream()
                .filter(document -> document.isLateFor(meeting))
                .map(MeetingDocument::id)
                .collect(Collectors.toSet()));
        model.addAttribute("uploadLimit", documents.uploadLimit());
        roomViews.addState(model, actor, meeting);
        roomViews.addAttendance(model, actor, meeting);
        model.addAttribute("canAnswer", permissions.canAnswer(actor, meeting));
        model.addAttribute("myResponse", me.flatMap(member -> responses.of(meeting.id(), member.id())).orElse(null));
        model.addAttribute("answers", answersFor(meeting));
        model.addAttribute("agendaSections", agendaSections.stream()
                .map(section -> new SectionView(section.template(), section.view(actor, meeting)))
                .toList());
        model.addAttribute("roomSections", roomViews.pageSections(actor, meeting));
        if (canManage) {
            model.addAttribute("pending", responses.pending(meeting.id()).stream()
                    .filter(response -> roster.containsKey(response.memberId()))
                    .map(response -> new PendingReason(roster.get(response.memberId()), response.reason()))
                    .toList());
            model.addAttribute("warnings", meeting.isDraft() ? management.warningsOf(meeting, clock.instant())
                    : List.of());
        }
        if (canManage && (meeting.isPublished() || meeting.isInProgress())) {
            model.addAttribute("preparation", PreparationView.of(meetings.rosterOf(meeting), attached,
                    responses.of(meeting.id()), documentReads.openedBy(meeting.id())));
        }
        if (meeting.isClosed()) {
            model.addAttribute("rows", attendanceViews.rows(meeting));
        }
        return "meeting/page";
    }

    /** Returns the answers that fit the meeting's mode: no "in person" for an online meeting, and so on. */
    private static List<ResponseAnswer> answersFor(Meeting meeting) {
        return Arrays.stream(ResponseAnswer.values())
                .filter(answer -> answer != ResponseAnswer.IN_PERSON || meeting.mode().hasPlace())
                .filter(answer -> answer != ResponseAnswer.ONLINE || meeting.mode().hasOnlineLink())
                .toList();
    }

    private static @Nullable String nameOf(@Nullable MemberId id, Map<MemberId, Member> roster) {
        return id == null || !roster.containsKey(id) ? null : roster.get(id).fullName();
    }

    /** Another module's part under each agenda item: its template and what the template reads. */
    record SectionView(String template, Object view) {
    }

    /** A reason for staying away that waits for the secretary's decision. */
    record PendingReason(Member member, @Nullable String reason) {
    }
}
