package vn.chibo.meeting.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.meeting.AttendanceHistory;
import vn.chibo.member.MemberId;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.InvalidInputException;

/**
 * A member's attendance over one calendar year, linked from the member's profile and open to everyone who may
 * see that profile. The flag of unexcused absences shows only to those who run the cell, because it is
 * advice for the cell's decision.
 */
@Controller
class AttendanceHistoryController {

    /** The earliest year accepted; the product contains no meetings before it. */
    private static final int FIRST_YEAR = 2000;

    private final AttendanceHistory history;
    private final CellAccess cellAccess;
    private final Clock clock;

    AttendanceHistoryController(AttendanceHistory history, CellAccess cellAccess, Clock clock) {
        this.history = history;
        this.cellAccess = cellAccess;
        this.clock = clock;
    }

    @GetMapping("/cells/{cellId}/members/{memberId}/attendance")
    String history(Actor actor, @PathVariable long cellId, @PathVariable long memberId,
            @RequestParam(required = false) @Nullable Integer year, Model model) {
        OrganizationId cell = OrganizationId.of(cellId);
        int currentYear = history.currentYear(clock.instant());
        int shown = year == null ? currentYear : year;

        if (shown < FIRST_YEAR || shown > currentYear) {
            // The year reveals nothing of the cell, so it may be checked before the access is.
            throw new InvalidInputException("meeting.history.error.year", FIRST_YEAR, currentYear);
        }

        var attendance = history.ofMember(actor, cell, MemberId.of(memberId), shown);

        model.addAttribute("history", attendance);
        model.addAttribute("cellId", cellId);
        model.addAttribute("currentYear", currentYear);
        model.addAttribute("showFlag", cellAccess.canRun(actor, cell));
        return "meeting/attendance-history";
    }
}
