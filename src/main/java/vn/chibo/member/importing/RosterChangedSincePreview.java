package vn.chibo.member.importing;

import vn.chibo.system.ConflictException;

/**
 * A confirmation of a preview that no longer holds: the roster changed after the secretary looked at
 * the preview, so confirming would write something else than what was shown.
 */
public class RosterChangedSincePreview extends ConflictException {

    RosterChangedSincePreview() {
        super("member.import.error.changedSincePreview");
    }
}
