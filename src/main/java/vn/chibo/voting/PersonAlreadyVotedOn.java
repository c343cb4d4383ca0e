package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/** A second vote at one meeting on the admission or recognition of the same person. */
public class PersonAlreadyVotedOn extends ConflictException {

    PersonAlreadyVotedOn(String fullName) {
        super("voting.error.personAlreadyVotedOn", fullName);
    }
}
