package vn.chibo.organization;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.RequestMemo;

/**
 * Creates, renames, moves and archives organizations under the rules of {@link TreeRules}, each
 * change with an audit entry in its transaction. Who may make a change is for the caller to check
 * first: the account module's {@code OrganizationPermissions} draws that line.
 *
 * <p>Archiving keeps the organization and everything recorded for it. An archived organization
 * takes no new children, members or meetings and cannot be renamed or moved. It drops out of the
 * tree, the pickers and the lists of cells, but those who could read its records still can.
 */
@Component
public class OrganizationChanges {

    private static final Logger log = LoggerFactory.getLogger(OrganizationChanges.class);

    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    OrganizationChanges(Organizations organizations, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an organization under the parent, or at the top of the tree when the parent is null.
     *
     * @param actorAccountId the account making the change, for the audit trail
     */
    @Transactional
    public Organization create(long actorAccountId, @Nullable OrganizationId parentId, OrganizationKind kind,
            @Nullable String name, @Nullable String locality) {
        String cleanName = TreeRules.cleanName(name);
        String cleanLocality = TreeRules.cleanLocality(locality);
        lockTree();
        Organization parent = parentId == null ? null : organizations.get(parentId);
        TreeRules.checkPlacement(kind, parent);

        Organization created = organizations.create(parentId, kind, cleanName, cleanLocality);
        record(actorAccountId, created.id(), "organization.created",
                "kind=" + kind.name() + ",parent=" + Objects.toString(parentId, "none"));
        log.info("Account {} created organization {} of kind {} under {}", actorAccountId, created.id(), kind,
                parentId);
        return created;
    }

    /** Renames the organization and sets its locality; returns false when neither changed. */
    @Transactional
    public boolean rename(long actorAccountId, OrganizationId id, @Nullable String name, @Nullable String locality) {
        String cleanName = TreeRules.cleanName(name);
        String cleanLocality = TreeRules.cleanLocality(locality);
        lockTree();
        Organization organization = organizations.get(id);
        if (organization.isArchived()) {
            throw new OrganizationArchived(organization);
        }
        boolean nameChanged = !organization.name().equals(cleanName);
        boolean localityChanged = !Objects.equals(organization.locality(), cleanLocality);
        if (!nameChanged && !localityChanged) {
            return false;
        }

        jdbc.sql("update organization set name = :name, locality = :locality where id = :id")
                .param("name", cleanName)
                .param("locality", cleanLocality)
                .param("id", id.value())
                .update();
        RequestMemo.forgetAll();
        record(actorAccountId, id, "organization.renamed", "name=" + (nameChanged ? "changed" : "same")
                + ",locality=" + (localityChanged ? "changed" : "same"));
        log.info("Account {} renamed organization {}", actorAccountId, id);
        return true;
    }

    /** Moves the organization under the target; returns false when it is there already. */
    @Transactional
    public boolean move(long actorAccountId, OrganizationId id, OrganizationId targetId) {
        lockTree();
        Organization organization = organizations.get(id);
        Organization target = organizations.get(targetId);
        TreeRules.checkMove(organization, target, organizations.chainUp(targetId));
        if (targetId.equals(organization.parentId())) {
            return false;
        }

        jdbc.sql("update organization set parent_id = :parent where id = :id")
                .param("parent", targetId.value())
                .param("id", id.value())
                .update();
        RequestMemo.forgetAll();
        record(actorAccountId, id, "organization.moved",
                "from=" + Objects.toString(organization.parentId(), "none") + ",to=" + targetId);
        log.info("Account {} moved organization {} from {} to {}", actorAccountId, id, organization.parentId(),
                targetId);
        return true;
    }

    @Transactional
    public void archive(long actorAccountId, OrganizationId id) {
        lockTree();
        Organization organization = organizations.get(id);
        TreeRules.checkArchive(organization, organizations.children(id).size());

        jdbc.sql("update organization set archived_at = :now where id = :id")
                .param("now", JdbcTime.param(clock.instant()))
                .param("id", id.value())
                .update();
        RequestMemo.forgetAll();
        record(actorAccountId, id, "organization.archived", "kind=" + organization.kind().name());
        log.info("Account {} archived organization {}", actorAccountId, id);
    }

    /**
     * Locks every organization row until the transaction ends, so that two changes cannot together
     * break a rule that each checked alone: two crossing moves making a cycle, or a child created under
     * an organization while it is archived. Changes to the tree are rare, so waiting costs little.
     */
    private void lockTree() {
        jdbc.sql("select id from organization for update").query(Long.class).list();
        // What the request read before the lock may have changed since; the checks must see the locked rows.
        RequestMemo.forgetAll();
    }

    private void record(long actorAccountId, OrganizationId id, String action, String detail) {
        audit.record(new AuditEntry(actorAccountId, id.value(), action, "organization", id.value(), detail));
    }
}
