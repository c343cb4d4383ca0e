package vn.chibo.video;

import java.net.URI;
import java.time.Duration;

/** Checks shared by the providers' settings. */
final class VideoSettings {

    private VideoSettings() {
    }

    /** Returns whether the address is absolute http or https, with a host and without user, query or fragment. */
    static boolean isPlainWebAddress(URI address) {
        String scheme = address.getScheme();
        return address.isAbsolute() && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                && address.getHost() != null && address.getRawUserInfo() == null && address.getRawQuery() == null
                && address.getRawFragment() == null;
    }

    /** Fails unless the duration lies between 1 second and 1 day. */
    static void requireDuration(Duration value, String property) {
        if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(property + " must lie between 1 second and 1 day, but is " + value);
        }
    }
}
