package vn.chibo.organization;

import vn.chibo.system.ConflictException;

/** An archive of an organization that still has active organizations below it. */
public class OrganizationHasActiveChildren extends ConflictException {

    OrganizationHasActiveChildren(Organization node, int activeChildren) {
        super("organization.error.activeChildren", node.name(), activeChildren);
    }
}
