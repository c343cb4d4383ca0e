package vn.chibo.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;

/** The signed-in person: account, member record, roles per organization and language. */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class MeController {

    private final Accounts accounts;
    private final Members members;
    private final Organizations organizations;

    MeController(Accounts accounts, Members members, Organizations organizations) {
        this.accounts = accounts;
        this.members = members;
        this.organizations = organizations;
    }

    /**
     * @param member the person's own member record, or null for an account of no member
     * @param organizations every organization in which the account has a role, by id
     * @param language the language the account chose on the website ({@code vi}, {@code en} or
     *        {@code de}), else the one this request asked for
     */
    record MeResponse(AccountView account, @Nullable MemberView member, List<OrganizationRoles> organizations,
            String language) {
    }

    record AccountView(long id, String username, String displayName) {
    }

    record MemberView(long id, String fullName, long cellId, MembershipStatus membershipStatus,
            ActivityStatus activityStatus) {
    }

    record OrganizationRoles(long id, String name, OrganizationKind kind, List<Role> roles) {
    }

    @Operation(summary = "The signed-in person", description = "The account, its member record, the roles it "
            + "holds in each organization and its language.")
    @ApiResponse(responseCode = "200", description = "The signed-in person")
    @GetMapping("/api/v1/me")
    MeResponse me(Actor actor, Locale locale) {
        AccountRecord account = accounts.find(actor.accountId()).orElseThrow();
        MemberView member = actor.member()
                .flatMap(id -> members.find(MemberId.of(id)))
                .map(MeController::memberView)
                .orElse(null);
        String language = account.language() != null ? account.language() : locale.getLanguage();

        return new MeResponse(new AccountView(account.id().value(), account.username(), account.displayName()),
                member, rolesOf(actor), language);
    }

    private List<OrganizationRoles> rolesOf(Actor actor) {
        Map<Long, List<Role>> byOrganization = new TreeMap<>();
        for (Grant grant : actor.grants()) {
            byOrganization.computeIfAbsent(grant.organizationId().value(), id -> new ArrayList<>()).add(grant.role());
        }
        List<OrganizationRoles> result = new ArrayList<>();
        byOrganization.forEach((id, roles) -> {
            Organization organization = organizations.get(OrganizationId.of(id));
            roles.sort(Comparator.naturalOrder());
            result.add(new OrganizationRoles(id, organization.name(), organization.kind(), List.copyOf(roles)));
        });
        return result;
    }

    private static MemberView memberView(Member member) {
        return new MemberView(member.id().value(), member.fullName(), member.cellId().value(),
                member.membershipStatus(), member.activityStatus());
    }
}
