package vn.chibo.organization;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.system.VietnameseText;

/**
 * The rules every change to the tree obeys, apart from who may make it: where each kind may stand,
 * no cycles, nothing new under an archived organization, no archive while active children remain.
 * They take plain values so that a table of cases can test them without a database.
 */
final class TreeRules {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_LOCALITY_LENGTH = 100;

    private TreeRules() {
    }

    /** Checks that an organization of the kind may stand under the parent, or at the top when it is null. */
    static void checkPlacement(OrganizationKind kind, @Nullable Organization parent) {
        if (parent != null && parent.isArchived()) {
            throw new OrganizationArchived(parent);
        }
        if (!kind.mayStandUnder(parent == null ? null : parent.kind())) {
            throw new InvalidPlacement(kind);
        }
    }

    /**
     * Checks a move of the node under the target.
     *
     * @param targetChain the target followed by every organization above it, as {@link Organizations#chainUp} returns
     */
    static void checkMove(Organization node, Organization target, List<Organization> targetChain) {
        if (node.isArchived()) {
            throw new OrganizationArchived(node);
        }
        if (targetChain.stream().anyMatch(each -> each.id().equals(node.id()))) {
            throw new MoveWouldCreateCycle(node, target);
        }
        checkPlacement(node.kind(), target);
    }

    static void checkArchive(Organization node, int activeChildren) {
        if (node.isArchived()) {
            throw new OrganizationArchived(node);
        }
        if (activeChildren > 0) {
            throw new OrganizationHasActiveChildren(node, activeChildren);
        }
    }

    /** Returns the name cleaned as {@link VietnameseText#clean} does, or fails when it is blank or too long. */
    static String cleanName(@Nullable String name) {
        String cleaned = clean(name);
        if (cleaned == null) {
            throw new InvalidOrganizationName("organization.error.nameMissing", MAX_NAME_LENGTH);
        }
        if (cleaned.length() > MAX_NAME_LENGTH) {
            throw new InvalidOrganizationName("organization.error.nameTooLong", MAX_NAME_LENGTH);
        }
        return cleaned;
    }

    /** Returns the locality cleaned, null when blank, or fails when it is too long. */
    static @Nullable String cleanLocality(@Nullable String locality) {
        String cleaned = clean(locality);
        if (cleaned != null && cleaned.length() > MAX_LOCALITY_LENGTH) {
            throw new InvalidOrganizationName("organization.error.localityTooLong", MAX_LOCALITY_LENGTH);
        }
        return cleaned;
    }

    private static @Nullable String clean(@Nullable String text) {
        return VietnameseText.cleanOrNull(text);
    }
}
