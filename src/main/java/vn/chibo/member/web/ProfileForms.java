package vn.chibo.member.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.CellRole;
import vn.chibo.member.Member;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;
import vn.chibo.system.FlashMessage;
import vn.chibo.system.VietnameseText;

/**
 * Checks the profile form and turns it into member values. Each problem is kept under its field's
 * name, so that the page shows it beside the field. The limits are the roster's column sizes.
 */
final class ProfileForms {

    static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern CARD = Pattern.compile("[0-9A-Z]{1,20}");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern LANDLINE = Pattern.compile("02\\d{9}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s.\\-()]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final Map<String, FlashMessage> errors = new LinkedHashMap<>();

    /** The member values of a valid form, or the problems of an invalid one by field. */
    record Result(@Nullable NewMember values, Map<String, FlashMessage> errors) {
    }

    /** Checks the form; the membership and activity status are kept from the record being edited. */
    static Result check(ProfileFormData form, Member member) {
        return new ProfileForms().parse(form, member);
    }

    private Result parse(ProfileFormData form, Member member) {
        String name = text("fullName", form.fullName(), 120);
        if (name == null && !errors.containsKey("fullName")) {
            errors.put("fullName", new FlashMessage("member.profile.error.nameMissing"));
        }
        Sex sex = choice(form.sex(), Sex.class);
        LocalDate birthDate = date("birthDate", form.birthDate(), true);
        String hometown = text("hometown", form.hometown(), 200);
        LocalDate admissionDate = date("admissionDate", form.admissionDate(), false);
        LocalDate officialDate = date("officialDate", form.officialDate(), false);
        String card = card(form.partyCardNumber());
        CellRole role = choice(form.cellRole(), CellRole.class);
        String phone = phone(form.phone());
        String email = email(form.email());
        String occupation = text("occupation", form.occupation(), 200);
        String address = text("address", form.address(), 300);
        String note = text("note", form.note(), 500);

        if (!errors.isEmpty() || name == null || birthDate == null) {
            return new Result(null, Map.copyOf(errors));
        }
        return new Result(new NewMember(name, sex, birthDate, admissionDate, officialDate, card, role,
                member.membershipStatus(), member.activityStatus(), phone, email, occupation, address, note, hometown),
                Map.of());
    }

    private @Nullable String text(String field, String typed, int maximum) {
        String text = VietnameseText.clean(typed);
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maximum) {
            errors.put(field, new FlashMessage("member.profile.error.tooLong", maximum));
            return null;
        }
        return text;
    }

    /** Parses a date typed as day/month/year or sent by a date input as ISO; only past dates are taken. */
    static @Nullable LocalDate parseDate(String typed) {
        String text = typed.strip();
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, TYPED_DATE)) {
            try {
                return LocalDate.parse(text, format);
            }
            catch (DateTimeParseException tryNext) {
                // The next format may fit.
            }
        }
        return null;
    }

    private @Nullable LocalDate date(String field, String typed, boolean required) {
        if (typed.isBlank()) {
            if (required) {
                errors.put(field, new FlashMessage("member.profile.error.dateMissing"));
            }
            return null;
        }
        LocalDate date = parseDate(typed);
        if (date == null) {
            errors.put(field, new FlashMessage("member.status.error.dateInvalid", typed.strip()));
        }
        return date;
    }

    private @Nullable String card(String typed) {
        String card = typed.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
        if (card.isEmpty()) {
            return null;
        }
        if (!CARD.matcher(card).matches()) {
            errors.put("partyCardNumber", new FlashMessage("member.profile.error.cardInvalid"));
            return null;
        }
        return card;
    }

    private @Nullable String phone(String typed) {
        String digits = PHONE_PUNCTUATION.matcher(typed).replaceAll("");
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        }
        if (!MOBILE.matcher(digits).matches() && !LANDLINE.matcher(digits).matches()) {
            errors.put("phone", new FlashMessage("member.profile.error.phoneInvalid"));
            return null;
        }
        return digits;
    }

    private @Nullable String email(String typed) {
        String email = typed.strip();
        if (email.isEmpty()) {
            return null;
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.put("email", new FlashMessage("member.profile.error.emailInvalid"));
            return null;
        }
        return email;
    }

    /** Returns the enum value of a select; a blank or unknown value means none. */
    private static <E extends Enum<E>> @Nullable E choice(String typed, Class<E> type) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(typed.strip())) {
                return value;
            }
        }
        return null;
    }
}
