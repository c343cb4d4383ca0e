package vn.chibo.home;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.document.library.LibraryDocuments;
import vn.chibo.meeting.AttendanceHistory;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.NotFoundException;
import vn.chibo.voting.Motions;

/**
 * The first page after sign-in, and the overview page of one cell with, for those who run it, the
 * members flagged for unexcused absences in several months of the year.
 */
@Controller
class HomeController {

    /** The most unread documents the home page lists; the library lists them all. */
    private static final int NEW_DOCUMENTS = 3;

    private final HomeOverview overview;
    private final Organizations organizations;
    private final CellAccess cellAccess;
    private final Motions motions;
    private final MeetingManagement meetingManagement;
    private final AttendanceHistory attendance;
    private final LibraryDocuments documents;
    private final Clock clock;

    HomeController(HomeOverview overview, Organizations organizations, CellAccess cellAccess, Motions motions,
            MeetingManagement meetingManagement, AttendanceHistory attendance, LibraryDocuments documents,
            Clock clock) {
        this.documents = documents;
        this.meetingManagement = meetingManagement;
        this.overview = overview;
        this.organizations = organizations;
        this.cellAccess = cellAccess;
        this.motions = motions;
        this.attendance = attendance;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("cells", overview.cellsOf(actor));
        model.addAttribute("committees", overview.supervisedBy(actor));
        model.addAttribute("openVotes", motions.openFor(actor));
        model.addAttribute("newDocuments", documents.unread(actor, NEW_DOCUMENTS));
        model.addAttribute("lengthRule", meetingManagement.lengthRule());
        return "home/home";
    }

    @GetMapping("/cells/{cellId}")
    String cell(Actor actor, @PathVariable long cellId, Model model) {
        OrganizationId id = OrganizationId.of(cellId);
        cellAccess.requireView(actor, id);
        Organization cell = organizations.get(id);
        if (!cell.isCell()) {
            throw NotFoundException.hidden();
        }

        model.addAttribute("cell", cell);
        model.addAttribute("overview", overview.overviewOf(actor, cell));
        int year = attendance.currentYear(clock.instant());
        model.addAttribute("attendanceFlags", attendance.flagsOf(actor, id, year));
        model.addAttribute("flagAfterMonths", attendance.flagAfterMonths());
        model.addAttribute("flagYear", year);
        return "home/cell";
    }
}
