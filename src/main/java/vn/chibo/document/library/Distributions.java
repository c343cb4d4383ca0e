package vn.chibo.document.library;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.JdbcTime;

/**
 * Issues a committee's documents to the cells and committees below it (rule 14). A recipient outside
 * the committee's subtree is refused whole: nothing of such a request is issued.
 */
@Component
public class Distributions {

    private static final Logger log = LoggerFactory.getLogger(Distributions.class);

    private final JdbcClient jdbc;
    private final LibraryDocuments documents;
    private final LibraryPermissions permissions;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;

    Distributions(JdbcClient jdbc, LibraryDocuments documents, LibraryPermissions permissions,
            Organizations organizations, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.permissions = permissions;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues the document to the chosen organizations, or to every organization directly below its owner.
     * Issuing again to a recipient keeps the first date and widens it to the organizations below when asked.
     *
     * @param toAll whether to issue to every active organization directly below the owner, in place of the chosen ones
     * @param includeBelow whether the organizations below each recipient are reached too
     * @return the number of recipients
     */
    @Transactional
    public int issue(Actor actor, LibraryDocumentId id, List<OrganizationId> chosen, boolean toAll,
            boolean includeBelow) {
        LibraryDocument document = documents.get(actor, id);
        if (!permissions.canIssue(actor, document)) {
            throw new ForbiddenException("document.error.notIssuer");
        }

        Set<OrganizationId> recipients = new LinkedHashSet<>(toAll
                ? organizations.children(document.ownerId()).stream().map(Organization::id).toList()
                : chosen);
        if (recipients.isEmpty()) {
            throw new InvalidInputException("document.error.noRecipients");
        }
        for (OrganizationId recipient : recipients) {
            requireBelow(document.ownerId(), recipient);
        }

        Instant now = clock.instant();
        for (OrganizationId recipient : recipients) {
            issueTo(actor, document, recipient, includeBelow, now);
        }
        log.info("Document {} issued to {} organizations by account {} (include below: {})", id, recipients.size(),
                actor.accountId(), includeBelow);
        return recipients.size();
    }

    /** Returns the organizations the document was issued to, by name. The caller has checked visibility. */
    public List<Recipient> recipients(LibraryDocumentId id) {
        return jdbc.sql("""
                select ld.organization_id, o.name, ld.include_below, ld.issued_at
                from library_distribution ld join organization o on o.id = ld.organization_id
                where ld.document_id = :id order by o.name
                """)
                .param("id", id.value())
                .query((row, number) -> new Recipient(row.getLong("organization_id"), row.getString("name"),
                        row.getBoolean("include_below"), Objects.requireNonNull(JdbcTime.instant(row, "issued_at"))))
                .list();
    }

    /** Returns the organizations the actor may issue the document to: every active one below its owner. */
    public List<Organization> possibleRecipients(LibraryDocument document) {
        return organizations.subtree(document.ownerId()).stream()
                .filter(organization -> !organization.id().equals(document.ownerId()))
                .toList();
    }

    private void requireBelow(OrganizationId owner, OrganizationId recipient) {
        boolean below = !recipient.equals(owner) && organizations.find(recipient)
                .filter(organization -> !organization.isArchived())
                .map(organization -> organizations.isWithin(recipient, owner))
                .orElse(false);
        if (!below) {
            log.warn("Issuing a document of library {} to organization {} refused: not below it", owner, recipient);
            throw new InvalidInputException("document.error.outsideSubtree", recipient.value());
        }
    }

    private void issueTo(Actor actor, LibraryDocument document, OrganizationId recipient, boolean includeBelow,
            Instant now) {
        int updated = jdbc.sql("""
                update library_distribution set include_below = include_below or :includeBelow
                where document_id = :document and organization_id = :organization
                """)
                .param("includeBelow", includeBelow)
                .param("document", document.id().value())
                .param("organization", recipient.value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into library_distribution (document_id, organization_id, include_below, issued_at, issued_by)
                    values (:document, :organization, :includeBelow, :now, :actor)
                    """)
                    .param("document", document.id().value())
                    .param("organization", recipient.value())
                    .param("includeBelow", includeBelow)
                    .param("now", JdbcTime.param(now))
                    .param("actor", actor.accountId().value())
                    .update();
        }
        audit.record(new AuditEntry(actor.accountId().value(), document.ownerId().value(), "document.issued",
                DocumentUploads.TARGET_TYPE, document.id().value(), "organization=" + recipient.value()
                        + " includeBelow=" + includeBelow));
    }
}
