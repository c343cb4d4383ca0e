package vn.chibo.document.library;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.system.ForbiddenException;

/**
 * Who manages a library and who sees its reports. A cell's library is managed by its secretary and
 * deputy secretary, a committee's by its committee officers. Managers upload, edit, add versions,
 * withdraw and see the access log. Only a committee issues documents to the organizations below it.
 * Reading is decided by {@link LibraryVisibility} alone.
 */
@Component
public class LibraryPermissions {

    private final Organizations organizations;

    LibraryPermissions(Organizations organizations) {
        this.organizations = organizations;
    }

    public boolean canManage(Actor actor, OrganizationId library) {
        return organizations.find(library).map(owner -> manages(actor, owner)).orElse(false);
    }

    /** Returns the active libraries the actor manages, by name. */
    public List<Organization> managedLibraries(Actor actor) {
        return actor.grants().stream()
                .map(Grant::organizationId)
                .distinct()
                .map(organizations::find)
                .flatMap(Optional::stream)
                .filter(owner -> !owner.isArchived() && manages(actor, owner))
                .sorted(Comparator.comparing(Organization::name))
                .toList();
    }

    /** Returns whether the actor may issue the document: a committee officer of the committee that owns it. */
    public boolean canIssue(Actor actor, LibraryDocument document) {
        return organizations.find(document.ownerId())
                .map(owner -> owner.kind() == OrganizationKind.COMMITTEE && manages(actor, owner))
                .orElse(false);
    }

    /** Fails with forbidden unless the actor manages the library; the caller has checked that the document is visible. */
    public void requireManage(Actor actor, OrganizationId library) {
        if (!canManage(actor, library)) {
            throw ForbiddenException.notAllowed();
        }
    }

    private static boolean manages(Actor actor, Organization owner) {
        return switch (owner.kind()) {
            case CELL -> actor.runsCell(owner.id());
            case COMMITTEE -> actor.hasRole(owner.id(), Role.COMMITTEE_OFFICER);
            case GROUP -> false;
        };
    }
}
