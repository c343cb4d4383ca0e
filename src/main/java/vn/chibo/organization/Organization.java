package vn.chibo.organization;

import org.jspecify.annotations.Nullable;

/**
 * A committee, cell or party group.
 *
 * @param parentId the organization directly above, or null at the top of the tree
 * @param locality the place name printed in document headers, such as "Minh An"
 */
public record Organization(OrganizationId id, @Nullable OrganizationId parentId, OrganizationKind kind, String name,
        @Nullable String locality) {

    public boolean isCell() {
        return kind == OrganizationKind.CELL;
    }
}
