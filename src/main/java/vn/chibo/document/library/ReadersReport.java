package vn.chibo.document.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.Members;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;

/**
 * Who has not yet read a document, per cell that received it: the cells it was issued to, the cells
 * below a recipient issued "with the organizations below", and the owner itself when the owner is a
 * cell. The issuer's managers see every such cell; the secretary or deputy of a cell sees that cell only.
 */
@Component
public class ReadersReport {

    private final Distributions distributions;
    private final ReadReceipts receipts;
    private final Members members;
    private final Organizations organizations;
    private final LibraryPermissions permissions;

    ReadersReport(Distributions distributions, ReadReceipts receipts, Members members, Organizations organizations,
            LibraryPermissions permissions) {
        this.distributions = distributions;
        this.receipts = receipts;
        this.members = members;
        this.organizations = organizations;
        this.permissions = permissions;
    }

    /**
     * The readers of one cell.
     *
     * @param notRead the members on the roster who have not opened the document, exempt ones marked
     */
    public record CellReaders(long cellId, String cellName, int onRoster, int read, List<Unread> notRead) {
    }

    /** A member who has not opened the document; an exempt member need not, and is shown as such. */
    public record Unread(String fullName, boolean exempt) {
    }

    /** Returns the cells whose readers the actor may see, each with who has not read the document. */
    public List<CellReaders> of(Actor actor, LibraryDocument document) {
        boolean issuer = permissions.canManage(actor, document.ownerId());
        Set<Long> read = receipts.readers(document.id());
        List<CellReaders> report = new ArrayList<>();
        for (Organization cell : receivingCells(document).values()) {
            if (issuer || actor.runsCell(cell.id())) {
                report.add(readersOf(cell, read));
            }
        }
        return report;
    }

    /** Returns whether the actor sees any part of the report. */
    public boolean isVisibleTo(Actor actor, LibraryDocument document) {
        return permissions.canManage(actor, document.ownerId())
                || receivingCells(document).keySet().stream().anyMatch(actor::runsCell);
    }

    private Map<OrganizationId, Organization> receivingCells(LibraryDocument document) {
        Map<OrganizationId, Organization> cells = new LinkedHashMap<>();
        organizations.find(document.ownerId()).filter(Organization::isCell)
                .ifPresent(owner -> cells.put(owner.id(), owner));
        for (Recipient recipient : distributions.recipients(document.id())) {
            OrganizationId id = OrganizationId.of(recipient.organizationId());
            List<Organization> reached = recipient.includeBelow() ? organizations.subtree(id)
                    : organizations.find(id).stream().toList();
            reached.stream().filter(Organization::isCell).forEach(cell -> cells.putIfAbsent(cell.id(), cell));
        }
        return cells;
    }

    private CellReaders readersOf(Organization cell, Set<Long> read) {
        List<Member> roster = members.ofCell(cell.id());
        List<Unread> notRead = roster.stream()
                .filter(member -> !read.contains(member.id().value()))
                .map(member -> new Unread(member.fullName(), member.activityStatus() == ActivityStatus.EXEMPT))
                .toList();
        return new CellReaders(cell.id().value(), cell.name(), roster.size(), roster.size() - notRead.size(), notRead);
    }
}
