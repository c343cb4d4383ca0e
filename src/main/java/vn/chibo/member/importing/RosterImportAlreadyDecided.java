package vn.chibo.member.importing;

import vn.chibo.system.ConflictException;

/** A roster import that was already confirmed or discarded, and so cannot be either again. */
public class RosterImportAlreadyDecided extends ConflictException {

    RosterImportAlreadyDecided(RosterImport.Status status) {
        super(status == RosterImport.Status.APPLIED ? "member.import.error.alreadyApplied"
                : "member.import.error.alreadyDiscarded");
    }
}
