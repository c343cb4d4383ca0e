package vn.chibo.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers as people type them ("0912.104.729", "+84 912 104 729", "(091) 210-4729"),
 * brought to the national form that the phone look-up hashes: a 0 and 9 or 10 more digits.
 */
final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern NATIONAL = Pattern.compile("0[1-9][0-9]{8,9}");

    private PhoneNumbers() {
    }

    /** Returns the number in national form, or empty when the text is no phone number. */
    static Optional<String> national(String text) {
        String digits = SEPARATORS.matcher(text.strip()).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        }
        else if (digits.startsWith("0084")) {
            digits = "0" + digits.substring(4);
        }
        else if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        return NATIONAL.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
