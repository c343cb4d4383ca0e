package vn.chibo.member;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The values of a member record to add to a cell; see {@link Member} for their meaning. */
public record NewMember(String fullName, @Nullable Sex sex, LocalDate birthDate, @Nullable LocalDate admissionDate,
        @Nullable LocalDate officialDate, @Nullable String partyCardNumber, @Nullable CellRole cellRole,
        MembershipStatus membershipStatus, ActivityStatus activityStatus, @Nullable String phone,
        @Nullable String email, @Nullable String occupation, @Nullable String address, @Nullable String note,
        @Nullable String hometown) {

    /** Makes the values of a member whose home town is not recorded. */
    public NewMember(String fullName, @Nullable Sex sex, LocalDate birthDate, @Nullable LocalDate admissionDate,
            @Nullable LocalDate officialDate, @Nullable String partyCardNumber, @Nullable CellRole cellRole,
            MembershipStatus membershipStatus, ActivityStatus activityStatus, @Nullable String phone,
            @Nullable String email, @Nullable String occupation, @Nullable String address, @Nullable String note) {
        this(fullName, sex, birthDate, admissionDate, officialDate, partyCardNumber, cellRole, membershipStatus,
                activityStatus, phone, email, occupation, address, note, null);
    }

    /** Returns the values with another membership and activity status, as a status change leaves them. */
    public NewMember withStatus(MembershipStatus membership, ActivityStatus activity,
            @Nullable LocalDate newOfficialDate) {
        return new NewMember(fullName, sex, birthDate, admissionDate, newOfficialDate, partyCardNumber, cellRole,
                membership, activity, phone, email, occupation, address, note, hometown);
    }

    /** Returns the values without an office in the cell. */
    public NewMember withoutCellRole() {
        return new NewMember(fullName, sex, birthDate, admissionDate, officialDate, partyCardNumber, null,
                membershipStatus, activityStatus, phone, email, occupation, address, note, hometown);
    }
}
