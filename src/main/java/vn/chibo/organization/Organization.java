package vn.chibo.organization;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A committee, cell or party group.
 *
 * @param parentId the organization directly above, or null at the top of the tree
 * @param locality the place name printed in document headers, such as "Minh An"
 * @param archivedAt when the organization was archived, or null while it is active
 */
public record Organization(OrganizationId id, @Nullable OrganizationId parentId, OrganizationKind kind, String name,
        @Nullable String locality, @Nullable Instant archivedAt) {

    public boolean isCell() {
        return kind == OrganizationKind.CELL;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }
}
