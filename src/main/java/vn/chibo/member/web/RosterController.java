package vn.chibo.member.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.account.Actor;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberPermissions;
import vn.chibo.member.MemberRoster;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.RosterFilter;
import vn.chibo.organization.OrganizationId;

/** The roster page of a cell, with its search by name and its filters by status. */
@Controller
class RosterController {

    private final MemberPermissions permissions;
    private final MemberRoster roster;

    RosterController(MemberPermissions permissions, MemberRoster roster) {
        this.permissions = permissions;
        this.roster = roster;
    }

    /**
     * Shows the whole page, or only the list for htmx, filtered by status. A search by name comes by
     * {@link #search POST}, so that no member's name ends up in a URL, a browser history or a proxy log.
     */
    @GetMapping("/cells/{cellId}/members")
    String roster(Actor actor, @PathVariable long cellId, @RequestParam(defaultValue = "") String membership,
            @RequestParam(defaultValue = "") String activity, @RequestParam(defaultValue = "") String transfer,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        return page(actor, cellId, "", membership, activity, transfer, htmx, model);
    }

    /**
     * Shows the members whose name contains the search text, with the status filters. For htmx, the
     * browser's address then shows the status filters only, so that reloading keeps them.
     */
    @PostMapping("/cells/{cellId}/members")
    String search(Actor actor, @PathVariable long cellId, @RequestParam(name = "q", defaultValue = "") String search,
            @RequestParam(defaultValue = "") String membership, @RequestParam(defaultValue = "") String activity,
            @RequestParam(defaultValue = "") String transfer,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        String view = page(actor, cellId, search, membership, activity, transfer, htmx, model);

        if (htmx != null) {
            // The path is built without a URI template, so that braces in a filter value stay text
            // instead of becoming template variables that fail to expand.
            response.setHeader("HX-Push-Url", UriComponentsBuilder.fromPath("/cells/" + cellId + "/members")
                    .queryParamIfPresent("membership", nonBlank(membership))
                    .queryParamIfPresent("activity", nonBlank(activity))
                    .queryParamIfPresent("transfer", nonBlank(transfer))
                    .build()
                    .encode()
                    .toUriString());
        }
        return view;
    }

    private static Optional<String> nonBlank(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private String page(Actor actor, long cellId, String search, String membership, String activity, String transfer,
            @Nullable String htmx, Model model) {
        var cell = OrganizationId.of(cellId);
        permissions.requireViewRoster(actor, cell);

        model.addAttribute("roster", roster.view(actor, cell, filter(search, membership, activity, transfer)));
        return htmx != null ? "member/roster :: list" : "member/roster";
    }

    /** Returns the filter of the request; an unknown value in a status parameter stands for all. */
    static RosterFilter filter(String search, String membership, String activity, String transfer) {
        return new RosterFilter(search, choice(membership, MembershipStatus.class), choice(activity, ActivityStatus.class),
                choice(transfer, RosterFilter.TransferState.class));
    }

    private static <E extends Enum<E>> @Nullable E choice(String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        return null;
    }
}
