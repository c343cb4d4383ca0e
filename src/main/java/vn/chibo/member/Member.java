package vn.chibo.member;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.chibo.organization.OrganizationId;

/**
 * A party member on a cell's roster. Names are in Unicode NFC.
 *
 * @param cellId the member's own cell, which keeps the record; a permanent transfer changes it
 * @param officialDate the day the member became official; null while on probation
 * @param partyCardNumber the party card number; probationary members hold none
 * @param cellRole the office the member holds in the cell, or null
 * @param activityStatus the current activity status; {@link ActivityStatus#ATTACHED_IN} when the record is
 *        read for the roster of the cell the member is attached to (see {@link #hostCellId})
 * @param hometown quê quán, as the party record writes it
 * @param hostCellId the cell on this platform where a member sent out is active for a while, or null
 * @param hostUnit the name of the unit where a member sent out is active, when it is not on this platform
 */
public record Member(MemberId id, OrganizationId cellId, String fullName, @Nullable Sex sex, LocalDate birthDate,
        @Nullable LocalDate admissionDate, @Nullable LocalDate officialDate, @Nullable String partyCardNumber,
        @Nullable CellRole cellRole, MembershipStatus membershipStatus, ActivityStatus activityStatus,
        @Nullable String phone, @Nullable String email, @Nullable String occupation, @Nullable String address,
        @Nullable String note, @Nullable String hometown, @Nullable OrganizationId hostCellId,
        @Nullable String hostUnit) {

    /** Makes a member of a cell who is not away and whose home town is not recorded. */
    public Member(MemberId id, OrganizationId cellId, String fullName, @Nullable Sex sex, LocalDate birthDate,
            @Nullable LocalDate admissionDate, @Nullable LocalDate officialDate, @Nullable String partyCardNumber,
            @Nullable CellRole cellRole, MembershipStatus membershipStatus, ActivityStatus activityStatus,
            @Nullable String phone, @Nullable String email, @Nullable String occupation, @Nullable String address,
            @Nullable String note) {
        this(id, cellId, fullName, sex, birthDate, admissionDate, officialDate, partyCardNumber, cellRole,
                membershipStatus, activityStatus, phone, email, occupation, address, note, null, null, null);
    }

    /** Returns this record with other statuses, such as those the member had at an earlier meeting. */
    public Member withStatus(MembershipStatus membership, ActivityStatus activity) {
        return new Member(id, cellId, fullName, sex, birthDate, admissionDate, officialDate, partyCardNumber, cellRole,
                membership, activity, phone, email, occupation, address, note, hometown, hostCellId, hostUnit);
    }

    public boolean isOfficial() {
        return membershipStatus == MembershipStatus.OFFICIAL;
    }

    public boolean isProbationary() {
        return membershipStatus == MembershipStatus.PROBATIONARY;
    }

    /** Returns the record's values, as a roster import compares and merges them. */
    public NewMember values() {
        return new NewMember(fullName, sex, birthDate, admissionDate, officialDate, partyCardNumber, cellRole,
                membershipStatus, activityStatus, phone, email, occupation, address, note, hometown);
    }

    /** Returns whether the cell expects the member at its meetings: neither exempt nor active elsewhere. */
    public boolean isExpectedAtMeetings() {
        return activityStatus != ActivityStatus.EXEMPT && activityStatus != ActivityStatus.SENT_OUT
                && activityStatus != ActivityStatus.SUSPENDED;
    }

    /** Returns whether the record is shown on the roster of a cell it does not belong to, as attached there. */
    public boolean isAttachedFromAnotherCell() {
        return activityStatus == ActivityStatus.ATTACHED_IN && hostCellId != null;
    }

    /** Returns the record as the roster of the host cell shows it: attached in, from its own cell. */
    Member asAttached() {
        return new Member(id, cellId, fullName, sex, birthDate, admissionDate, officialDate, partyCardNumber, null,
                membershipStatus, ActivityStatus.ATTACHED_IN, phone, email, occupation, address, note, hometown,
                hostCellId, hostUnit);
    }
}
