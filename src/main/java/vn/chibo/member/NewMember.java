package vn.chibo.member;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The values of a member record to add to a cell; see {@link Member} for their meaning. */
public record NewMember(String fullName, @Nullable Sex sex, LocalDate birthDate, @Nullable LocalDate admissionDate,
        @Nullable LocalDate officialDate, @Nullable String partyCardNumber, @Nullable CellRole cellRole,
        MembershipStatus membershipStatus, ActivityStatus activityStatus, @Nullable String phone,
        @Nullable String email, @Nullable String occupation, @Nullable String address, @Nullable String note) {
}
