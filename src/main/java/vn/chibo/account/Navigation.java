package vn.chibo.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;

/**
 * The links of the top navigation, drawn from the actor's roles so that each person sees what they
 * may use: every member the meetings of their cells; a secretary or deputy also the roster, the
 * accounts and the roles of the cell; a committee officer the organization tree and the cells below;
 * a system administrator the organization tree and the roles; everyone the member handbook. The layout
 * calls it as {@code ${@navigation.linksFor(currentActor)}}, so that error pages get the same links.
 * Everyone with a party role also gets the document library.
 */
@Component("navigation")
public class Navigation {

    private final Organizations organizations;

    Navigation(Organizations organizations) {
        this.organizations = organizations;
    }

    /**
     * One link of the navigation.
     *
     * @param labelKey the message key of the link's text
     * @param organization the name to show beside the text when the actor has several cells, or null
     */
    public record Link(String labelKey, String href, @Nullable String organization) {
    }

    /** Returns the links for the actor, or an empty list when no one is signed in. */
    public List<Link> linksFor(@Nullable Actor actor) {
        if (actor == null) {
            return List.of();
        }
        List<Link> links = new ArrayList<>();
        links.add(new Link("nav.home", "/", null));
        // Every party role reads a library; a system administrator sees no party content.
        if (actor.grants().stream().anyMatch(grant -> grant.role() != Role.SYSTEM_ADMIN)) {
            links.add(new Link("nav.documents", "/documents", null));
        }

        List<Organization> cells = cellsOf(actor);
        for (Organization cell : cells) {
            String name = cells.size() > 1 ? cell.name() : null;
            links.add(new Link("nav.meetings", path("/cells/{id}/meetings", cell.id()), name));
            if (actor.runsCell(cell.id())) {
                links.add(new Link("nav.roster", path("/cells/{id}/members", cell.id()), name));
                links.add(new Link("nav.accounts", path("/cells/{id}/members/accounts", cell.id()), name));
                links.add(new Link("nav.roles", path("/organizations/{id}/roles", cell.id()), name));
            }
        }

        boolean officer = !actor.organizationsWith(Role.COMMITTEE_OFFICER).isEmpty();
        Optional<OrganizationId> administered = actor.organizationsWith(Role.SYSTEM_ADMIN).stream()
                .min(Comparator.comparingLong(OrganizationId::value));
        if (officer || administered.isPresent()) {
            links.add(new Link("nav.organizations", "/organizations", null));
        }
        if (officer) {
            links.add(new Link("nav.cellsBelow", "/#cells-below", null));
        }
        administered.ifPresent(organization -> links.add(new Link("nav.roles",
                path("/organizations/{id}/roles", organization), null)));
        if (administered.isPresent()) {
            links.add(new Link("nav.audit", "/admin/audit", null));
        }

        // The handbook is for every signed-in account; it holds no party content of any one organization.
        links.add(new Link("nav.handbook", "/handbook", null));

        // Only a person on a roster has a profile; an officer or admin without one has nothing to open.
        if (actor.memberId() != null) {
            links.add(new Link("nav.profile", "/members/me", null));
        }
        return links;
    }

    /** Returns the active cells in which the actor has a cell role, by name. */
    private List<Organization> cellsOf(Actor actor) {
        return actor.grants().stream()
                .filter(grant -> grant.role().isCellRole())
                .map(Grant::organizationId)
                .distinct()
                .map(organizations::find)
                .flatMap(Optional::stream)
                .filter(organization -> organization.isCell() && !organization.isArchived())
                .sorted(Comparator.comparing(Organization::name))
                .toList();
    }

    private static String path(String template, OrganizationId id) {
        return UriComponentsBuilder.fromPath(template).buildAndExpand(id.value()).toUriString();
    }
}
