package vn.chibo.member.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.CellRole;
import vn.chibo.member.MembershipStatus;
import vn.chibo.member.NewMember;
import vn.chibo.member.Sex;
import vn.chibo.system.Formats;

import static vn.chibo.member.importing.RosterColumn.ACTIVITY_STATUS;
import static vn.chibo.member.importing.RosterColumn.ADDRESS;
import static vn.chibo.member.importing.RosterColumn.ADMISSION_DATE;
import static vn.chibo.member.importing.RosterColumn.BIRTH_DATE;
import static vn.chibo.member.importing.RosterColumn.CELL_ROLE;
import static vn.chibo.member.importing.RosterColumn.EMAIL;
import static vn.chibo.member.importing.RosterColumn.FULL_NAME;
import static vn.chibo.member.importing.RosterColumn.HOMETOWN;
import static vn.chibo.member.importing.RosterColumn.MEMBERSHIP_STATUS;
import static vn.chibo.member.importing.RosterColumn.NOTE;
import static vn.chibo.member.importing.RosterColumn.OCCUPATION;
import static vn.chibo.member.importing.RosterColumn.OFFICIAL_DATE;
import static vn.chibo.member.importing.RosterColumn.ORDINAL;
import static vn.chibo.member.importing.RosterColumn.PARTY_CARD_NUMBER;
import static vn.chibo.member.importing.RosterColumn.PHONE;
import static vn.chibo.member.importing.RosterColumn.SEX;

/**
 * Checks the values of one roster row and turns them into a member record.
 *
 * <p>A value that would make the record wrong rejects the row: a missing or impossible date, dates
 * out of order, an unknown membership or activity status, or a phone number that is not one, because
 * the phone number becomes the member's user name. A value that only adds detail and can be left out
 * without making the record wrong is left out with a warning: a malformed e-mail address, an unknown
 * sex or office, and the card number of a probationary member, who holds no card yet.
 */
final class RowParser {

    /** The Party's charter admits members from the age of 18. */
    static final int ADMISSION_AGE = 18;
    /** Probation lasts 12 months from admission. */
    static final int PROBATION_MONTHS = 12;
    /** Birth dates further back than this many years are taken for typing mistakes. */
    static final int MAXIMUM_AGE = 120;

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern CARD = Pattern.compile("[0-9A-Z]{1,20}");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern LANDLINE = Pattern.compile("02\\d{9}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s.\\-()]");

    private static final int NAME_LENGTH = 120;
    private static final int EMAIL_LENGTH = 254;
    private static final int OCCUPATION_LENGTH = 200;
    private static final int ADDRESS_LENGTH = 300;
    private static final int NOTE_LENGTH = 500;
    private static final int HOMETOWN_LENGTH = 200;

    private RawRow raw;
    private final Map<RosterColumn, String> labels;
    private final LocalDate today;
    private final List<RowProblem> errors = new ArrayList<>();
    private final List<RowProblem> warnings = new ArrayList<>();
    private final Set<RosterColumn> provided = EnumSet.noneOf(RosterColumn.class);

    private RowParser(RawRow raw, Map<RosterColumn, String> labels, LocalDate today) {
        this.raw = raw;
        this.labels = labels;
        this.today = today;
    }

    /**
     * Checks a row.
     *
     * @param labels the file's headers of the columns it has; a column not among them keeps the values
     *        of existing records
     * @param today the date in the cell's zone, after which no date may lie
     */
    static RosterRow parse(RawRow raw, Map<RosterColumn, String> labels, LocalDate today) {
        return new RowParser(raw, labels, today).parse();
    }

    private RosterRow parse() {
        checkFormulas();
        String name = name();
        Sex sex = sex();
        LocalDate birthDate = date(BIRTH_DATE, true);
        LocalDate admissionDate = date(ADMISSION_DATE, true);
        LocalDate officialDate = date(OFFICIAL_DATE, false);
        String card = card();
        CellRole role = role();
        MembershipStatus membership = membership(officialDate);
        ActivityStatus activity = activity();
        String phone = phone();
        String email = email();
        String occupation = text(OCCUPATION, OCCUPATION_LENGTH);
        String address = text(ADDRESS, ADDRESS_LENGTH);
        String note = text(NOTE, NOTE_LENGTH);
        String hometown = text(HOMETOWN, HOMETOWN_LENGTH);

        checkDateOrder(birthDate, admissionDate, officialDate);
        if (membership == MembershipStatus.OFFICIAL) {
            checkOfficial(officialDate, card);
        }
        else if (membership == MembershipStatus.PROBATIONARY) {
            card = checkProbationary(officialDate, card);
        }

        String ordinal = raw.has(ORDINAL) ? RosterText.excerpt(raw.cell(ORDINAL).text()) : null;
        String writtenName = raw.has(FULL_NAME) ? RosterText.excerpt(raw.cell(FULL_NAME).text()) : null;
        if (!errors.isEmpty() || name == null || birthDate == null || membership == null || activity == null) {
            return new RosterRow(raw.rowNumber(), ordinal, writtenName, null, provided, errors, warnings);
        }
        var values = new NewMember(name, sex, birthDate, admissionDate, officialDate, card, role, membership,
                activity, phone, email, occupation, address, note, hometown);
        return new RosterRow(raw.rowNumber(), ordinal, writtenName, values, provided, errors, warnings);
    }

    /**
     * Takes the computed value of a workbook formula with a warning, and rejects a row with a formula
     * whose value nothing computed, because the value the secretary meant is not in the file.
     */
    private void checkFormulas() {
        var usable = new EnumMap<RosterColumn, RawCell>(RosterColumn.class);
        for (RosterColumn column : RosterColumn.values()) {
            RawCell cell = raw.cells().get(column);
            if (cell == null) {
                continue;
            }
            switch (cell.formula()) {
                case CACHED -> warn(column, "member.import.warning.formula", cell.text());
                case NO_VALUE -> error(column, "member.import.error.formulaNoValue");
                case TEXT -> error(column, "member.import.error.formulaText");
                case NONE -> {
                    // A plain value.
                }
            }
            if (cell.formula() == RawCell.Formula.NONE || cell.formula() == RawCell.Formula.CACHED) {
                usable.put(column, cell);
            }
        }
        // The other checks see a rejected formula as a blank cell; the error above already names it.
        raw = new RawRow(raw.rowNumber(), usable);
    }

    private @Nullable String name() {
        String name = raw.cell(FULL_NAME).text();
        if (name.isEmpty()) {
            error(FULL_NAME, "member.import.error.missing");
            return null;
        }
        if (name.indexOf('?') >= 0 || name.indexOf('\uFFFD') >= 0) {
            // A letter the file's encoding could not hold was saved as "?", or could not be decoded.
            error(FULL_NAME, "member.import.error.replacementCharacter");
            return null;
        }
        if (name.chars().anyMatch(Character::isDigit)) {
            error(FULL_NAME, "member.import.error.nameInvalid", name);
            return null;
        }
        if (name.length() > NAME_LENGTH) {
            error(FULL_NAME, "member.import.error.tooLong", NAME_LENGTH);
            return null;
        }
        if (!name.contains(" ")) {
            warn(FULL_NAME, "member.import.warning.nameOneWord", name);
        }
        provided.add(FULL_NAME);
        return RosterText.capitalizeName(name);
    }

    private @Nullable Sex sex() {
        if (!raw.has(SEX)) {
            return null;
        }
        String text = raw.cell(SEX).text();
        Optional<Sex> sex = RosterCodes.sex(text);
        if (sex.isEmpty()) {
            warn(SEX, "member.import.warning.sexInvalid", text);
            return null;
        }
        provided.add(SEX);
        return sex.get();
    }

    private @Nullable LocalDate date(RosterColumn column, boolean required) {
        RawCell cell = raw.cell(column);
        if (cell.isBlank()) {
            if (required) {
                error(column, "member.import.error.missing");
            }
            return null;
        }
        LocalDate date = cell.excelDate() != null ? excelDate(column, cell) : textDate(column, cell.text());
        if (date == null) {
            return null;
        }
        if (date.isAfter(today)) {
            error(column, "member.import.error.dateInFuture", format(date));
            return null;
        }
        if (column == BIRTH_DATE && date.isBefore(today.minusYears(MAXIMUM_AGE))) {
            error(column, "member.import.error.birthDateTooEarly", format(date), MAXIMUM_AGE);
            return null;
        }
        provided.add(column);
        return date;
    }

    /** Returns the date of a spreadsheet number, unless the number is a bare year such as 1968. */
    private @Nullable LocalDate excelDate(RosterColumn column, RawCell cell) {
        if (YEAR.matcher(cell.text()).matches()) {
            error(column, "member.import.error.dateYearOnly", cell.text());
            return null;
        }
        return cell.excelDate();
    }

    private @Nullable LocalDate textDate(RosterColumn column, String text) {
        Matcher dayMonthYear = DAY_MONTH_YEAR.matcher(text);
        Matcher iso = ISO_DATE.matcher(text);
        int year;
        int month;
        int day;
        if (dayMonthYear.matches()) {
            day = Integer.parseInt(dayMonthYear.group(1));
            month = Integer.parseInt(dayMonthYear.group(2));
            year = Integer.parseInt(dayMonthYear.group(3));
        }
        else if (iso.matches()) {
            year = Integer.parseInt(iso.group(1));
            month = Integer.parseInt(iso.group(2));
            day = Integer.parseInt(iso.group(3));
        }
        else if (YEAR.matcher(text).matches()) {
            error(column, "member.import.error.dateYearOnly", text);
            return null;
        }
        else {
            error(column, "member.import.error.dateFormat", text);
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        }
        catch (DateTimeException impossible) {
            error(column, "member.import.error.dateImpossible", text);
            return null;
        }
    }

    private @Nullable String card() {
        if (!raw.has(PARTY_CARD_NUMBER)) {
            return null;
        }
        String text = raw.cell(PARTY_CARD_NUMBER).text();
        String card = text.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
        if (!CARD.matcher(card).matches()) {
            error(PARTY_CARD_NUMBER, "member.import.error.cardInvalid", text);
            return null;
        }
        provided.add(PARTY_CARD_NUMBER);
        return card;
    }

    /** Returns the office; a blank cell in an office column means the member holds none. */
    private @Nullable CellRole role() {
        if (!labels.containsKey(CELL_ROLE)) {
            return null;
        }
        String text = raw.cell(CELL_ROLE).text();
        if (RosterCodes.noRole(text)) {
            provided.add(CELL_ROLE);
            return null;
        }
        Optional<CellRole> role = RosterCodes.role(text);
        if (role.isEmpty()) {
            warn(CELL_ROLE, "member.import.warning.roleInvalid", text);
            return null;
        }
        provided.add(CELL_ROLE);
        return role.get();
    }

    /**
     * Returns the membership status. Where the file leaves it out, a member with an official date is
     * taken as official and one without as probationary, with a warning where the column is there but
     * the cell is blank.
     */
    private @Nullable MembershipStatus membership(@Nullable LocalDate officialDate) {
        if (!raw.has(MEMBERSHIP_STATUS)) {
            MembershipStatus inferred = officialDate != null || raw.has(OFFICIAL_DATE) ? MembershipStatus.OFFICIAL
                    : MembershipStatus.PROBATIONARY;
            if (labels.containsKey(MEMBERSHIP_STATUS)) {
                warn(MEMBERSHIP_STATUS, "member.import.warning.membershipInferred",
                        new DefaultMessageSourceResolvable(inferred.messageKey()));
            }
            provided.add(MEMBERSHIP_STATUS);
            return inferred;
        }
        String text = raw.cell(MEMBERSHIP_STATUS).text();
        Optional<MembershipStatus> membership = RosterCodes.membership(text);
        if (membership.isEmpty()) {
            error(MEMBERSHIP_STATUS, "member.import.error.membershipInvalid", text);
            return null;
        }
        provided.add(MEMBERSHIP_STATUS);
        return membership.get();
    }

    /** Returns the activity status; a blank cell means the member takes part as usual. */
    private @Nullable ActivityStatus activity() {
        if (!labels.containsKey(ACTIVITY_STATUS)) {
            return ActivityStatus.ACTIVE;
        }
        if (!raw.has(ACTIVITY_STATUS)) {
            provided.add(ACTIVITY_STATUS);
            return ActivityStatus.ACTIVE;
        }
        String text = raw.cell(ACTIVITY_STATUS).text();
        Optional<ActivityStatus> activity = RosterCodes.activity(text);
        if (activity.isEmpty()) {
            error(ACTIVITY_STATUS, "member.import.error.activityInvalid", text);
            return null;
        }
        provided.add(ACTIVITY_STATUS);
        return activity.get();
    }

    /**
     * Returns the phone number as digits only. A spreadsheet that stored the number as a number lost
     * its leading 0, so a 9-digit number that starts like a mobile number gets it back; +84 becomes 0.
     * A malformed number rejects the row instead of being left out: it becomes the member's user name,
     * and a member imported without it would silently get no account.
     */
    private @Nullable String phone() {
        if (!raw.has(PHONE)) {
            return null;
        }
        String text = raw.cell(PHONE).text();
        String digits = PHONE_PUNCTUATION.matcher(text).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        }
        else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        if (digits.length() == 9 && "35789".indexOf(digits.charAt(0)) >= 0) {
            digits = "0" + digits;
        }
        if (!MOBILE.matcher(digits).matches() && !LANDLINE.matcher(digits).matches()) {
            error(PHONE, "member.import.error.phoneInvalid", text);
            return null;
        }
        provided.add(PHONE);
        return digits;
    }

    /** Returns the e-mail address; a malformed one is left out, because nothing depends on it. */
    private @Nullable String email() {
        if (!raw.has(EMAIL)) {
            return null;
        }
        String email = raw.cell(EMAIL).text();
        if (email.length() > EMAIL_LENGTH || !EMAIL_ADDRESS.matcher(email).matches()) {
            warn(EMAIL, "member.import.warning.emailInvalid", email);
            return null;
        }
        provided.add(EMAIL);
        return email;
    }

    private @Nullable String text(RosterColumn column, int maximumLength) {
        if (!raw.has(column)) {
            return null;
        }
        String text = raw.cell(column).text();
        if (text.length() > maximumLength) {
            error(column, "member.import.error.tooLong", maximumLength);
            return null;
        }
        provided.add(column);
        return text;
    }

    private void checkDateOrder(@Nullable LocalDate birthDate, @Nullable LocalDate admissionDate,
            @Nullable LocalDate officialDate) {
        if (birthDate != null && admissionDate != null && admissionDate.isBefore(birthDate.plusYears(ADMISSION_AGE))) {
            error(ADMISSION_DATE, "member.import.error.admittedUnderAge", format(admissionDate), format(birthDate),
                    ADMISSION_AGE);
        }
        if (admissionDate == null || officialDate == null) {
            return;
        }
        if (officialDate.isBefore(admissionDate)) {
            error(OFFICIAL_DATE, "member.import.error.officialBeforeAdmission", format(officialDate),
                    format(admissionDate));
        }
        else if (officialDate.isBefore(admissionDate.plusMonths(PROBATION_MONTHS))) {
            warn(OFFICIAL_DATE, "member.import.warning.probationShort", format(officialDate), format(admissionDate),
                    PROBATION_MONTHS);
        }
    }

    /**
     * Rejects an official member without an official date, because the date is what makes the member
     * official. Lets one without a card number in with a warning, because cards are handed out on a
     * few days of the year and a newly official member may wait months for one.
     */
    private void checkOfficial(@Nullable LocalDate officialDate, @Nullable String card) {
        if (officialDate == null && !raw.has(OFFICIAL_DATE)) {
            error(OFFICIAL_DATE, "member.import.error.officialWithoutDate");
        }
        if (card == null && !raw.has(PARTY_CARD_NUMBER)) {
            warn(PARTY_CARD_NUMBER, "member.import.warning.officialWithoutCard");
        }
    }

    /**
     * Rejects a probationary member with an official date, because the file contradicts itself on
     * whether the member may vote. Leaves out a card number with a warning, because probationary
     * members hold no card and the rest of the row is right.
     *
     * @return the card number to keep, which is none
     */
    private @Nullable String checkProbationary(@Nullable LocalDate officialDate, @Nullable String card) {
        if (officialDate != null) {
            error(OFFICIAL_DATE, "member.import.error.probationaryWithOfficialDate", format(officialDate));
        }
        if (card != null) {
            warn(PARTY_CARD_NUMBER, "member.import.warning.probationaryWithCard", card);
        }
        // The record of a probationary member holds neither, whatever an existing record held.
        provided.add(OFFICIAL_DATE);
        provided.add(PARTY_CARD_NUMBER);
        return null;
    }

    /** Adds an error, unless the value already has one: a cell gets one error, the first found. */
    private void error(RosterColumn column, String key, Object... arguments) {
        if (errors.stream().anyMatch(error -> error.column() == column)) {
            return;
        }
        errors.add(new RowProblem(column, labels.get(column), key, excerpts(arguments)));
    }

    private void warn(RosterColumn column, String key, Object... arguments) {
        warnings.add(new RowProblem(column, labels.get(column), key, excerpts(arguments)));
    }

    /** Returns the arguments with the file's texts cut short, because the preview repeats them. */
    private static List<Object> excerpts(Object... arguments) {
        return Arrays.stream(arguments)
                .map(argument -> argument instanceof String text ? RosterText.excerpt(text) : argument)
                .toList();
    }

    private static String format(LocalDate date) {
        return Formats.DATE.format(date);
    }
}
