package vn.chibo.member;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.chibo.organization.OrganizationId;

/**
 * A party member on a cell's roster. Names are in Unicode NFC.
 *
 * @param officialDate the day the member became official; null while on probation
 * @param partyCardNumber the party card number; probationary members hold none
 * @param cellRole the office the member holds in the cell, or null
 */
public record Member(MemberId id, OrganizationId cellId, String fullName, @Nullable Sex sex, LocalDate birthDate,
        @Nullable LocalDate admissionDate, @Nullable LocalDate officialDate, @Nullable String partyCardNumber,
        @Nullable CellRole cellRole, MembershipStatus membershipStatus, ActivityStatus activityStatus,
        @Nullable String phone, @Nullable String email, @Nullable String occupation, @Nullable String address,
        @Nullable String note) {

    public boolean isOfficial() {
        return membershipStatus == MembershipStatus.OFFICIAL;
    }

    public boolean isProbationary() {
        return membershipStatus == MembershipStatus.PROBATIONARY;
    }

    /** Returns the record's values, as a roster import compares and merges them. */
    public NewMember values() {
        return new NewMember(fullName, sex, birthDate, admissionDate, officialDate, partyCardNumber, cellRole,
                membershipStatus, activityStatus, phone, email, occupation, address, note);
    }

    /** Returns whether the cell expects the member at its meetings: neither exempt nor active elsewhere. */
    public boolean isExpectedAtMeetings() {
        return activityStatus != ActivityStatus.EXEMPT && activityStatus != ActivityStatus.SENT_OUT
                && activityStatus != ActivityStatus.SUSPENDED;
    }
}
