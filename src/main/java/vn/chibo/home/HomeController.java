package vn.chibo.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.NotFoundException;
import vn.chibo.voting.Motions;

/** The first page after sign-in, and the overview page of one cell. */
@Controller
class HomeController {

    private final HomeOverview overview;
    private final Organizations organizations;
    private final CellAccess cellAccess;
    private final Motions motions;
    private final MeetingManagement meetingManagement;

    HomeController(HomeOverview overview, Organizations organizations, CellAccess cellAccess, Motions motions,
            MeetingManagement meetingManagement) {
        this.meetingManagement = meetingManagement;
        this.overview = overview;
        this.organizations = organizations;
        this.cellAccess = cellAccess;
        this.motions = motions;
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        model.addAttribute("cells", overview.cellsOf(actor));
        model.addAttribute("committees", overview.supervisedBy(actor));
        model.addAttribute("openVotes", motions.openFor(actor));
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
        return "home/cell";
    }
}
