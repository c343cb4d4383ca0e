package vn.chibo.member.web;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.Member;
import vn.chibo.system.Formats;

/**
 * The fields of the profile form as typed, so that a form with errors comes back exactly as sent.
 * Dates are {@code dd/MM/yyyy} as typed, or {@code yyyy-MM-dd} as date inputs send them.
 */
record ProfileFormData(@Nullable String fullName, @Nullable String sex, @Nullable String birthDate,
        @Nullable String hometown, @Nullable String admissionDate, @Nullable String officialDate,
        @Nullable String partyCardNumber, @Nullable String cellRole, @Nullable String phone, @Nullable String email,
        @Nullable String occupation, @Nullable String address, @Nullable String note) {

    ProfileFormData {
        fullName = orEmpty(fullName);
        sex = orEmpty(sex);
        birthDate = orEmpty(birthDate);
        hometown = orEmpty(hometown);
        admissionDate = orEmpty(admissionDate);
        officialDate = orEmpty(officialDate);
        partyCardNumber = orEmpty(partyCardNumber);
        cellRole = orEmpty(cellRole);
        phone = orEmpty(phone);
        email = orEmpty(email);
        occupation = orEmpty(occupation);
        address = orEmpty(address);
        note = orEmpty(note);
    }

    /** Returns the form filled with a member's record. */
    static ProfileFormData of(Member member) {
        return new ProfileFormData(member.fullName(), member.sex() == null ? "" : member.sex().name(),
                date(member.birthDate()), member.hometown(), date(member.admissionDate()), date(member.officialDate()),
                member.partyCardNumber(), member.cellRole() == null ? "" : member.cellRole().name(), member.phone(),
                member.email(), member.occupation(), member.address(), member.note());
    }

    private static String date(java.time.@Nullable LocalDate date) {
        return date == null ? "" : Formats.DATE.format(date);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
