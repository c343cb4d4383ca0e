package vn.chibo.meeting.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.MeetingRoomSection;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.system.NotFoundException;

/**
 * The model of the live parts of a meeting room. The meeting page, the projector and the fragments that
 * live pages fetch again all fill their models here, so that a refreshed part reads as on a reloaded page.
 */
@Component
class MeetingRoomViews {

    private final Meetings meetings;
    private final MeetingManagement management;
    private final MeetingPermissions permissions;
    private final AttendanceViews attendanceViews;
    private final List<MeetingRoomSection> sections;
    private final Clock clock;

    MeetingRoomViews(Meetings meetings, MeetingManagement management, MeetingPermissions permissions,
            AttendanceViews attendanceViews, List<MeetingRoomSection> sections, Clock clock) {
        this.meetings = meetings;
        this.management = management;
        this.permissions = permissions;
        this.attendanceViews = attendanceViews;
        this.sections = sections;
        this.clock = clock;
    }

    /** Adds what the meeting's status line, the chair's buttons and the member's check-in read. */
    void addState(Model model, Actor actor, Meeting meeting) {
        boolean canManage = permissions.canManage(actor, meeting);
        Optional<Member> me = permissions.memberOf(actor, meeting);
        model.addAttribute("meeting", meeting);
        model.addAttribute("canManage", canManage);
        model.addAttribute("canChair", permissions.canChair(actor, meeting));
        model.addAttribute("canCancel", canManage && (meeting.isDraft() || meeting.isPublished()));
        model.addAttribute("mayStart", management.mayStartOn(meeting, clock.instant()));
        model.addAttribute("minimumMinutes", management.lengthRule().minimumMinutes(meeting));
        model.addAttribute("closedShort", management.lengthRule().closedShort(meeting));
        model.addAttribute("me", me.orElse(null));
        model.addAttribute("myMark", me.flatMap(member -> meetings.markOf(meeting.id(), member.id())).orElse(null));
    }

    /** Adds the attendance panel: the full figures with names for those who run the cell, the short ones else. */
    void addAttendance(Model model, Actor actor, Meeting meeting) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("canManage", permissions.canManage(actor, meeting));
        if (!meeting.isDraft()) {
            model.addAttribute("panel", attendanceViews.panel(meeting));
        }
    }

    /** Adds what the agenda's current item and the chair's buttons to move through it read. */
    void addAgenda(Model model, Actor actor, Meeting meeting) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("canChair", permissions.canChair(actor, meeting));
    }

    /** Returns the other modules' sections with what each reads for the actor, in the order of their parts. */
    List<SectionView> sections(Actor actor, Meeting meeting) {
        return viewsOf(sections.stream(), actor, meeting);
    }

    /** Returns the sections that the meeting page draws, as {@link #sections} does. */
    List<SectionView> pageSections(Actor actor, Meeting meeting) {
        return viewsOf(sections.stream().filter(MeetingRoomSection::onMeetingPage), actor, meeting);
    }

    private static List<SectionView> viewsOf(Stream<MeetingRoomSection> chosen, Actor actor, Meeting meeting) {
        return chosen.sorted((first, second) -> first.part().compareTo(second.part()))
                .map(section -> new SectionView(section.part(), section.template(), section.view(actor, meeting)))
                .toList();
    }

    /** Returns the section of another module that renders the part, or fails with not found. */
    SectionView section(Actor actor, Meeting meeting, MeetingRoomChanged.Part part) {
        return sections.stream()
                .filter(section -> section.part() == part)
                .findFirst()
                .map(section -> new SectionView(part, section.template(), section.view(actor, meeting)))
                .orElseThrow(NotFoundException::hidden);
    }

    /** Returns the part that a path names in lower case ("attendance"), or fails with not found. */
    static MeetingRoomChanged.Part partNamed(String name) {
        for (MeetingRoomChanged.Part part : MeetingRoomChanged.Part.values()) {
            if (part.name().toLowerCase(Locale.ROOT).equals(name)) {
                return part;
            }
        }
        throw NotFoundException.hidden();
    }

    /**
     * Another module's section as a page draws it.
     *
     * @param path the part's name in lower case, as in the URL of its fragment
     */
    record SectionView(MeetingRoomChanged.Part part, String template, Object view) {

        public String path() {
            return part.name().toLowerCase(Locale.ROOT);
        }
    }
}
