package vn.chibo.document.library;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.organization.Organization;
import vn.chibo.organization.Organizations;

/**
 * Which library documents an actor may open (rule 14), as one SQL condition that every path uses: the
 * list, search, suggestions, home page, file, API. Keeping it in one place is what stops one of those
 * paths from leaking a document the others hide.
 *
 * <p>An actor sees a document that is not withdrawn when one of the organizations where the actor holds a
 * role owns it, was issued it, or lies below an organization that was issued it with "and the
 * organizations below". A system administrator sees no party content through that role.
 */
@Component
public class LibraryVisibility {

    private final Organizations organizations;

    LibraryVisibility(Organizations organizations) {
        this.organizations = organizations;
    }

    /**
     * Returns the condition on the alias {@code d} (a row of library_document) and its parameters. For
     * an actor with no organization the condition is false.
     */
    public Condition of(Actor actor) {
        Set<Long> own = new LinkedHashSet<>();
        Set<Long> above = new LinkedHashSet<>();
        for (Grant grant : actor.grants()) {
            if (grant.role() == Role.SYSTEM_ADMIN) {
                continue;
            }
            own.add(grant.organizationId().value());
            List<Organization> chain = organizations.chainUp(grant.organizationId());
            chain.stream().skip(1).map(each -> each.id().value()).forEach(above::add);
        }
        if (own.isEmpty()) {
            return new Condition("1 = 0", Map.of());
        }
        if (above.isEmpty()) {
            above.add(-1L);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("visibleOwn", own);
        parameters.put("visibleAbove", above);
        String sql = """
                (d.withdrawn_at is null and (d.owner_id in (:visibleOwn) or exists (
                    select 1 from library_distribution vd where vd.document_id = d.id
                    and (vd.organization_id in (:visibleOwn)
                         or (vd.include_below and vd.organization_id in (:visibleAbove))))))""";
        return new Condition(sql, parameters);
    }

    /**
     * A SQL condition and its named parameters, to be added to a query with
     * {@code jdbc.sql(...).params(condition.parameters())}.
     */
    public record Condition(String sql, Map<String, Object> parameters) {
    }
}
