package vn.chibo.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.Member;
import vn.chibo.member.MemberRoster;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.RosterView;
import vn.chibo.organization.OrganizationId;

/**
 * A cell's roster, for those who may see the cell: the same check, audit entry and Vietnamese name
 * order as the roster page. Phone numbers and e-mail addresses are shown only to those who run it.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class CellMembersController {

    private final MemberRoster roster;

    CellMembersController(MemberRoster roster) {
        this.roster = roster;
    }

    record CellMembersResponse(CellView cell, List<MemberEntry> members) {
    }

    record CellView(long id, String name) {
    }

    /**
     * @param phone null unless the caller runs the cell
     * @param email null unless the caller runs the cell
     */
    record MemberEntry(long id, String fullName, MembershipStatus membershipStatus, ActivityStatus activityStatus,
            @Nullable CellRole cellRole, boolean hasAccount, @Nullable String phone, @Nullable String email) {
    }

    @Operation(summary = "The members of a cell", description = "Sorted the Vietnamese way: by given name, then "
            + "middle name, then family name. A cell the caller may not see answers 404, like one that does not "
            + "exist.")
    @ApiResponse(responseCode = "200", description = "The roster")
    @ApiResponse(responseCode = "404", description = "No such cell, or one the caller may not see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/v1/cells/{cellId}/members")
    CellMembersResponse members(Actor actor, @PathVariable long cellId) {
        RosterView view = roster.view(actor, OrganizationId.of(cellId), "");

        List<MemberEntry> entries = view.entries().stream()
                .map(entry -> entryOf(entry, view.showContacts()))
                .toList();
        return new CellMembersResponse(new CellView(view.cell().id().value(), view.cell().name()), entries);
    }

    private static MemberEntry entryOf(RosterView.Entry entry, boolean showContacts) {
        Member member = entry.member();
        return new MemberEntry(member.id().value(), member.fullName(), member.membershipStatus(),
                member.activityStatus(), member.cellRole(), entry.hasAccount(), showContacts ? member.phone() : null,
                showContacts ? member.email() : null);
    }
}
