package vn.chibo.member.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.chibo.account.Actor;
import vn.chibo.member.MemberRoster;
import vn.chibo.member.MemberPermissions;
import vn.chibo.organization.OrganizationId;

/** The roster page of a cell, with its search by name. */
@Controller
class RosterController {

    private final MemberPermissions permissions;
    private final MemberRoster roster;

    RosterController(MemberPermissions permissions, MemberRoster roster) {
        this.permissions = permissions;
        this.roster = roster;
    }

    /** Shows the whole page, or only the list of members for an htmx search. */
    @GetMapping("/cells/{cellId}/members")
    String roster(Actor actor, @PathVariable long cellId, @RequestParam(name = "q", defaultValue = "") String search,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var cell = OrganizationId.of(cellId);
        permissions.requireViewRoster(actor, cell);

        model.addAttribute("roster", roster.view(actor, cell, search));
        return htmx != null ? "member/roster :: list" : "member/roster";
    }
}
