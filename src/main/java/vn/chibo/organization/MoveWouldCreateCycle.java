package vn.chibo.organization;

import vn.chibo.system.InvalidInputException;

/** A move of an organization under itself or under one of the organizations below it. */
public class MoveWouldCreateCycle extends InvalidInputException {

    MoveWouldCreateCycle(Organization node, Organization target) {
        super("organization.error.cycle", node.name(), target.name());
    }
}
