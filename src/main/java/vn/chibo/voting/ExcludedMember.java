package vn.chibo.voting;

import vn.chibo.meeting.DenominatorExclusion;

/** An official member taken out of the denominator of a closed vote, by name, and why. */
public record ExcludedMember(String fullName, DenominatorExclusion.Reason reason) {

    public String reasonKey() {
        return "voting.exclusion." + reason;
    }
}
