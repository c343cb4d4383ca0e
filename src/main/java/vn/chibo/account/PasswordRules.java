package vn.chibo.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.chibo.system.InvalidInputException;
import vn.chibo.system.VietnameseText;

/**
 * The rules that every new password must pass, whoever sets it: the account's owner, or the product
 * when it generates an initial password. A password has 10 to 128 characters (Unicode code points
 * after NFC), because Argon2 gets its whole input. It is not in the list of common passwords
 * shipped with the product, and it contains neither a part of the owner's name or user name nor
 * the owner's phone number. The middle names "Văn" and "Thị" are exempt from the name rule (see
 * {@link #COMMON_MIDDLE_NAMES}).
 *
 * <p>Comparisons fold both sides: lower case, no diacritics, "đ" as "d", and letters and digits
 * only, so "Mật-Khẩu 123" counts as "matkhau123".
 */
@Component
class PasswordRules {

    static final int MINIMUM_LENGTH = 10;
    static final int MAXIMUM_LENGTH = 128;

    /** Name parts shorter than this ("Lê", "Vũ") are too common inside words to reject. */
    static final int SHORTEST_NAME_PART = 3;

    /**
     * Middle names that mark a man's name ("Văn") or a woman's ("Thị"), folded. Millions share them,
     * so in the middle of a name they identify nobody, and rejecting them would block ordinary words
     * such as "vanguard" or "thi đua". The family name and the given name are rejected even when they
     * are one of these words, and every other middle name ("Hữu", "Ngọc", "Quốc") is rejected too.
     */
    static final Set<String> COMMON_MIDDLE_NAMES = Set.of("van", "thi");

    static final String COMMON_PASSWORDS = "/account/common-passwords.txt";

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]+");

    /** Characters that people put between the digits of a phone number: "0912.104.729", "+84 912 104 729". */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-()+/]");

    /** A national number is a 0 and 9 digits (mobile) or 10 digits (landline with area code). */
    private static final int[] SUBSCRIBER_DIGITS = { 9, 10 };

    private final Set<String> commonPasswords;

    PasswordRules() {
        this(readCommonPasswords());
    }

    PasswordRules(Set<String> commonPasswords) {
        this.commonPasswords = Set.copyOf(commonPasswords);
    }

    /**
     * The person a password belongs to.
     *
     * @param username the account's user name; a phone number here counts as the owner's phone
     * @param displayName the owner's full name, such as "Nguyễn Văn Thắng"
     * @param ownPhone returns whether a phone number in national form (0912104729) is the owner's;
     *        the account module stores only a keyed hash of it
     */
    record Owner(String username, String displayName, Predicate<String> ownPhone) {

        Owner {
            String usernamePhone = PhoneNumbers.national(username).orElse(null);
            Predicate<String> stored = ownPhone;
            ownPhone = national -> national.equals(usernamePhone) || stored.test(national);
        }
    }

    /**
     * Checks a new password and throws on the first rule it breaks.
     *
     * @throws InvalidInputException with a key under {@code account.password.error} that names the rule
     */
    void check(String password, Owner owner) {
        int length = lengthOf(password);
        if (length < MINIMUM_LENGTH) {
            throw new InvalidInputException("account.password.error.tooShort", MINIMUM_LENGTH);
        }
        if (length > MAXIMUM_LENGTH) {
            throw new InvalidInputException("account.password.error.tooLong", MAXIMUM_LENGTH);
        }
        if (isCommon(password)) {
            throw new InvalidInputException("account.password.error.common");
        }
        if (containsName(password, owner)) {
            throw new InvalidInputException("account.password.error.containsName");
        }
        if (containsPhone(password, owner.ownPhone())) {
            throw new InvalidInputException("account.password.error.containsPhone");
        }
    }

    /** Returns whether the password passes every rule. */
    boolean accepts(String password, Owner owner) {
        try {
            check(password, owner);
            return true;
        }
        catch (InvalidInputException rejected) {
            return false;
        }
    }

    /** Returns the length in Unicode code points of the NFC form, so "ắ" counts once however it was typed. */
    static int lengthOf(String password) {
        String composed = Normalizer.normalize(password, Normalizer.Form.NFC);
        return composed.codePointCount(0, composed.length());
    }

    /** Returns the password folded for comparison: lower case, no diacritics, letters and digits only. */
    static String fold(String text) {
        return NOT_LETTER_OR_DIGIT.matcher(VietnameseText.fold(text)).replaceAll("");
    }

    int size() {
        return commonPasswords.size();
    }

    private boolean isCommon(String password) {
        String folded = fold(password);
        // A password of symbols only ("!@#$%^&*()") folds to nothing and is compared as typed.
        String compared = folded.isEmpty() ? password.strip().toLowerCase(Locale.ROOT) : folded;
        return commonPasswords.contains(compared);
    }

    private static boolean containsName(String password, Owner owner) {
        String folded = fold(password);
        for (String part : nameParts(owner)) {
            if (folded.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the folded parts of the name and of a user name that is no phone number, each of 3+
     * characters, without the common middle names between the family name and the given name.
     */
    static List<String> nameParts(Owner owner) {
        var parts = new ArrayList<String>();
        List<String> words = Arrays.stream(VietnameseText.fold(owner.displayName()).split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty())
                .toList();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean middle = i > 0 && i < words.size() - 1;
            if (word.length() >= SHORTEST_NAME_PART && !(middle && COMMON_MIDDLE_NAMES.contains(word))) {
                parts.add(word);
            }
        }
        if (PhoneNumbers.national(owner.username()).isEmpty()) {
            String username = fold(owner.username());
            if (username.length() >= SHORTEST_NAME_PART) {
                parts.add(username);
            }
        }
        return parts;
    }

    /**
     * Looks for the owner's phone in every run of digits, separators ignored: a window of 9 or 10
     * digits is the subscriber number that follows the 0 of the national form, so "912104729",
     * "0912104729" and "84912104729" all contain 0912104729.
     */
    private static boolean containsPhone(String password, Predicate<String> ownPhone) {
        String digitsTogether = PHONE_SEPARATORS.matcher(password).replaceAll("");
        Matcher runs = DIGIT_RUN.matcher(digitsTogether);
        while (runs.find()) {
            String run = runs.group();
            for (int window : SUBSCRIBER_DIGITS) {
                for (int start = 0; start + window <= run.length(); start++) {
                    String subscriber = run.substring(start, start + window);
                    if (subscriber.charAt(0) != '0' && ownPhone.test("0" + subscriber)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Set<String> readCommonPasswords() {
        InputStream list = PasswordRules.class.getResourceAsStream(COMMON_PASSWORDS);
        if (list == null) {
            throw new IllegalStateException("The list of common passwords " + COMMON_PASSWORDS + " is missing");
        }
        var entries = new HashSet<String>();
        try (var reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("# ")) {
                    entries.add(line.strip());
                }
            }
        }
        catch (IOException failure) {
            throw new UncheckedIOException("Failed to read " + COMMON_PASSWORDS, failure);
        }
        return entries;
    }
}
