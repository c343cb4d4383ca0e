package vn.chibo.account.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.OrganizationPermissions;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.system.Option;
import vn.chibo.system.VietnameseText;

/** Builds what the tree pages show: the part of the tree an actor manages, and where a node may move. */
@Component
class OrganizationTreeView {

    private final Organizations organizations;
    private final OrganizationPermissions permissions;
    private final MessageSource messages;

    OrganizationTreeView(Organizations organizations, OrganizationPermissions permissions, MessageSource messages) {
        this.organizations = organizations;
        this.permissions = permissions;
        this.messages = messages;
    }

    /** One organization of the tree with the active organizations below it, by name. */
    record TreeNode(Organization organization, List<TreeNode> children) {
    }

    /** Returns the trees the actor manages, one per managed root. */
    List<TreeNode> managedTrees(Actor actor) {
        List<TreeNode> trees = new ArrayList<>();
        for (Organization root : permissions.managedRoots(actor)) {
            trees.add(build(organizations.subtree(root.id())));
        }
        return trees;
    }

    /**
     * Returns the organizations the node may move under: within what the actor manages, of a kind
     * the node may stand under, neither the node nor one below it, and not its current parent.
     */
    List<Organization> moveTargets(Actor actor, Organization node) {
        Set<OrganizationId> ownSubtree = new HashSet<>();
        organizations.subtree(node.id()).forEach(each -> ownSubtree.add(each.id()));
        List<Organization> targets = new ArrayList<>();
        for (Organization root : permissions.managedRoots(actor)) {
            for (Organization candidate : organizations.subtree(root.id())) {
                if (node.kind().mayStandUnder(candidate.kind()) && !ownSubtree.contains(candidate.id())
                        && !candidate.id().equals(node.parentId())) {
                    targets.add(candidate);
                }
            }
        }
        return Organizations.sorted(targets);
    }

    /** Returns the kinds that may be created under the organization, as choices of a select field. */
    List<Option> kindOptions(Organization parent, Locale locale) {
        List<Option> kinds = new ArrayList<>();
        for (OrganizationKind kind : OrganizationKind.values()) {
            if (kind.mayStandUnder(parent.kind())) {
                kinds.add(new Option(kind.name(), messages.getMessage("organization.kind." + kind.name(), null,
                        locale)));
            }
        }
        return kinds;
    }

    /** Builds the tree from a subtree listed parent before child. */
    private static TreeNode build(List<Organization> subtree) {
        Map<OrganizationId, TreeNode> nodes = new LinkedHashMap<>();
        for (Organization organization : subtree) {
            TreeNode node = new TreeNode(organization, new ArrayList<>());
            nodes.put(organization.id(), node);
            TreeNode parent = organization.parentId() == null ? null : nodes.get(organization.parentId());
            if (parent != null) {
                parent.children().add(node);
            }
        }
        TreeNode root = nodes.values().iterator().next();
        sortChildren(root);
        return root;
    }

    private static void sortChildren(TreeNode node) {
        node.children().sort(VietnameseText.byText(child -> child.organization().name()));
        node.children().forEach(OrganizationTreeView::sortChildren);
    }
}
