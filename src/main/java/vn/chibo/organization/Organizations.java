package vn.chibo.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.system.JdbcTime;
import vn.chibo.system.VietnameseText;
import vn.chibo.system.RequestMemo;

/** Reads organizations and answers questions about their place in the tree. */
@Component
public class Organizations {

    private static final Logger log = LoggerFactory.getLogger(Organizations.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Organizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Finds the organization, read once per request ({@link RequestMemo}): a page's navigation,
     * breadcrumbs and checks each ask for the reader's cell. {@link OrganizationChanges} drops what
     * the request read when it locks the tree and when it changes a row.
     */
    public Optional<Organization> find(OrganizationId id) {
        return RequestMemo.get("organization." + id.value(),
                () -> jdbc.sql("select id, parent_id, kind, name, locality, archived_at from organization where id = :id")
                        .param("id", id.value())
                        .query(Organizations::map)
                        .optional());
    }

    /** Returns the organization, or fails with a not-found error. */
    public Organization get(OrganizationId id) {
        return find(id).orElseThrow(() -> new OrganizationNotFound(id));
    }

    /** Returns when the organization was created on the platform, or fails with a not-found error. */
    public Instant createdAt(OrganizationId id) {
        return jdbc.sql("select created_at from organization where id = :id")
                .param("id", id.value())
                .query((row, number) -> JdbcTime.instant(row, "created_at"))
                .optional()
                .orElseThrow(() -> new OrganizationNotFound(id));
    }

    /** Returns whether no organization exists yet, as in a database that was just created. */
    public boolean isEmpty() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single() == 0;
    }

    /** Returns the organization followed by every organization above it, nearest first. */
    public List<Organization> chainUp(OrganizationId id) {
        return jdbc.sql("""
                with recursive chain (id, parent_id, kind, name, locality, archived_at, depth) as (
                    select id, parent_id, kind, name, locality, archived_at, 0 from organization where id = :id
                    union all
                    select o.id, o.parent_id, o.kind, o.name, o.locality, o.archived_at, c.depth + 1
                    from organization o join chain c on o.id = c.parent_id
                )
                select id, parent_id, kind, name, locality, archived_at from chain order by depth
                """)
                .param("id", id.value())
                .query(Organizations::map)
                .list();
    }

    /**
     * Returns the organizations from the top of the tree down to the organization itself, as a
     * breadcrumb shows them. Templates call it as {@code ${@organizations.chainDown(cell.id)}}.
     */
    public List<Organization> chainDown(OrganizationId id) {
        return chainUp(id).reversed();
    }

    /** Returns whether {@code ancestor} is {@code organization} itself or above it in the tree. */
    public boolean isWithin(OrganizationId organization, OrganizationId ancestor) {
        return chainUp(organization).stream().anyMatch(each -> each.id().equals(ancestor));
    }

    /** Returns the committee directly above a cell or group, if there is one. */
    public Optional<Organization> supervisingCommittee(OrganizationId id) {
        return chainUp(id).stream().skip(1).filter(each -> each.kind() == OrganizationKind.COMMITTEE).findFirst();
    }

    /** Returns the active organizations directly below the parent, by name; archived ones are left out. */
    public List<Organization> children(OrganizationId parent) {
        return sorted(jdbc.sql("""
                select id, parent_id, kind, name, locality, archived_at from organization
                where parent_id = :parent and archived_at is null
                """)
                .param("parent", parent.value())
                .query(Organizations::map)
                .list());
    }

    /**
     * Returns the organization and every active organization below it, each after its parent and in no
     * particular order among siblings. Below an archived organization nothing is active, because an
     * organization with active children cannot be archived.
     */
    public List<Organization> subtree(OrganizationId root) {
        return jdbc.sql("""
                with recursive tree (id, parent_id, kind, name, locality, archived_at, depth) as (
                    select id, parent_id, kind, name, locality, archived_at, 0 from organization where id = :root
                    union all
                    select o.id, o.parent_id, o.kind, o.name, o.locality, o.archived_at, t.depth + 1
                    from organization o join tree t on o.parent_id = t.id
                    where o.archived_at is null
                )
                select id, parent_id, kind, name, locality, archived_at from tree order by depth
                """)
                .param("root", root.value())
                .query(Organizations::map)
                .list();
    }

    /** Returns the active organizations at the top of the tree, by name. */
    public List<Organization> roots() {
        return sorted(jdbc.sql("""
                select id, parent_id, kind, name, locality, archived_at from organization
                where parent_id is null and archived_at is null
                """)
                .query(Organizations::map)
                .list());
    }

    /** Returns the organizations in the Vietnamese order of their names, whatever the database's collation. */
    public static List<Organization> sorted(List<Organization> organizations) {
        List<Organization> sorted = new ArrayList<>(organizations);
        sorted.sort(VietnameseText.byText(Organization::name));
        return List.copyOf(sorted);
    }

    /** Fails with {@link OrganizationArchived} when the organization is archived, so that it takes nothing new. */
    public void requireActive(OrganizationId id) {
        Organization organization = get(id);
        if (organization.isArchived()) {
            throw new OrganizationArchived(organization);
        }
    }

    /**
     * Inserts an organization without checking its place in the tree and without an audit entry. It is for
     * loading data (demo mode, tests); changes made by people go through {@link OrganizationChanges}.
     */
    @Transactional
    public Organization create(@Nullable OrganizationId parent, OrganizationKind kind, String name,
            @Nullable String locality) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into organization (parent_id, kind, name, locality, created_at)
                values (:parent, :kind, :name, :locality, :now)
                """)
                .param("parent", parent == null ? null : parent.value())
                .param("kind", kind.name())
                .param("name", name)
                .param("locality", locality)
                .param("now", JdbcTime.param(clock.instant()))
                .update(keys, "id");
        var id = OrganizationId.of(keys.getKey().longValue());
        log.info("Created organization {} of kind {} under {}", id, kind, parent);
        return new Organization(id, parent, kind, name, locality, null);
    }

    private static Organization map(ResultSet row, int rowNumber) throws SQLException {
        // Read as an object: wasNull() after reading the id would report on the id instead.
        Long parent = row.getObject("parent_id", Long.class);
        return new Organization(OrganizationId.of(row.getLong("id")),
                parent == null ? null : OrganizationId.of(parent),
                OrganizationKind.valueOf(row.getString("kind")), row.getString("name"), row.getString("locality"),
                JdbcTime.instant(row, "archived_at"));
    }
}
