package vn.chibo.member.web;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.Member;
import vn.chibo.member.importing.RosterColumn;
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

    /**
     * Returns this form with one field replaced, as a correction request proposes it.
     *
     * @throws IllegalArgumentException for a column that the profile form does not edit
     */
    ProfileFormData with(RosterColumn field, String value) {
        return switch (field) {
            case FULL_NAME -> new ProfileFormData(value, sex, birthDate, hometown, admissionDate, officialDate,
                    partyCardNumber, cellRole, phone, email, occupation, address, note);
            case BIRTH_DATE -> new ProfileFormData(fullName, sex, value, hometown, admissionDate, officialDate,
                    partyCardNumber, cellRole, phone, email, occupation, address, note);
            case HOMETOWN -> new ProfileFormData(fullName, sex, birthDate, value, admissionDate, officialDate,
                    partyCardNumber, cellRole, phone, email, occupation, address, note);
            case ADMISSION_DATE -> new ProfileFormData(fullName, sex, birthDate, hometown, value, officialDate,
                    partyCardNumber, cellRole, phone, email, occupation, address, note);
            case OFFICIAL_DATE -> new ProfileFormData(fullName, sex, birthDate, hometown, admissionDate, value,
                    partyCardNumber, cellRole, phone, email, occupation, address, note);
            case PARTY_CARD_NUMBER -> new ProfileFormData(fullName, sex, birthDate, hometown, admissionDate,
                    officialDate, value, cellRole, phone, email, occupation, address, note);
            case PHONE -> new ProfileFormData(fullName, sex, birthDate, hometown, admissionDate, officialDate,
                    partyCardNumber, cellRole, value, email, occupation, address, note);
            case EMAIL -> new ProfileFormData(fullName, sex, birthDate, hometown, admissionDate, officialDate,
                    partyCardNumber, cellRole, phone, value, occupation, address, note);
            case OCCUPATION -> new ProfileFormData(fullName, sex, birthDate, hometown, admissionDate, officialDate,
                    partyCardNumber, cellRole, phone, email, value, address, note);
            case ADDRESS -> new ProfileFormData(fullName, sex, birthDate, hometown, admissionDate, officialDate,
                    partyCardNumber, cellRole, phone, email, occupation, value, note);
            default -> throw new IllegalArgumentException("The profile form does not correct " + field);
        };
    }

    /** Returns the name of the form property that edits the column, under which the form's errors are kept. */
    static String propertyOf(RosterColumn field) {
        return switch (field) {
            case FULL_NAME -> "fullName";
            case BIRTH_DATE -> "birthDate";
            case HOMETOWN -> "hometown";
            case ADMISSION_DATE -> "admissionDate";
            case OFFICIAL_DATE -> "officialDate";
            case PARTY_CARD_NUMBER -> "partyCardNumber";
            case PHONE -> "phone";
            case EMAIL -> "email";
            case OCCUPATION -> "occupation";
            case ADDRESS -> "address";
            default -> throw new IllegalArgumentException("The profile form does not correct " + field);
        };
    }

    private static String date(java.time.@Nullable LocalDate date) {
        return date == null ? "" : Formats.DATE.format(date);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
