package vn.chibo.account;

import vn.chibo.organization.OrganizationId;

/** A role held in one organization. */
public record Grant(OrganizationId organizationId, Role role) {
}
