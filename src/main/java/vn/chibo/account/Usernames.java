package vn.chibo.account;

import java.util.Locale;

/**
 * User names as typed by people: phone numbers come with spaces, dots or dashes ("0912.104.729"),
 * and any name may come in mixed case. Both sign-in and storage use the normalized form.
 */
final class Usernames {

    private Usernames() {
    }

    static String normalize(String username) {
        String trimmed = username.strip().toLowerCase(Locale.ROOT);
        if (trimmed.matches("[+0-9 .\\-]+")) {
            return trimmed.replaceAll("[ .\\-]", "");
        }
        return trimmed;
    }
}
