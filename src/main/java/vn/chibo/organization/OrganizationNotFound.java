package vn.chibo.organization;

import vn.chibo.system.NotFoundException;

/** No organization has the requested id. */
public class OrganizationNotFound extends NotFoundException {

    OrganizationNotFound(OrganizationId id) {
        super("error.notFound");
    }
}
