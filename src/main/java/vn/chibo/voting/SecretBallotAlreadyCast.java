package vn.chibo.voting;

import vn.chibo.system.ConflictException;

/**
 * A second ballot from a voter already on the roll of a secret ballot. Unlike an open vote, the
 * first ballot cannot be looked up or shown, because nothing links it to its voter.
 */
public class SecretBallotAlreadyCast extends ConflictException {

    SecretBallotAlreadyCast() {
        super("voting.error.secretBallotAlreadyCast");
    }
}
