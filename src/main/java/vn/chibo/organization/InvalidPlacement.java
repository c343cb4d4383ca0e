package vn.chibo.organization;

import vn.chibo.system.InvalidInputException;

/**
 * An organization placed where its kind may not stand: a cell under a cell, a committee under a cell
 * or a group anywhere but under a cell. The message names the kind and the rule.
 */
public class InvalidPlacement extends InvalidInputException {

    InvalidPlacement(OrganizationKind kind) {
        super("organization.error.placement." + kind.name());
    }
}
