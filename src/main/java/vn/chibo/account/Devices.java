package vn.chibo.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Describes the device of a session for its owner: the browser and operating system named in the
 * User-Agent header, and the network of the client address (IPv4 /24, IPv6 /48). The network is
 * enough to recognise a place, so the exact address is not stored. Also reduces an IPv6 address to
 * the /64 network that the sign-in limits count.
 */
final class Devices {

    /** A browser and the system it runs on, each null when the User-Agent names none. */
    record Device(@Nullable String browser, @Nullable String system) {
    }

    /**
     * Browsers in the order they must be tested: many send "Chrome" and "Safari" too, so the
     * specific ones (Zalo's in-app browser, Cốc Cốc, Edge, Samsung Internet) come first.
     */
    private static final List<Named> BROWSERS = List.of(
            new Named("Zalo", Pattern.compile("Zalo")),
            new Named("Cốc Cốc", Pattern.compile("coc_coc_browser|CocCoc")),
            new Named("Facebook", Pattern.compile("FBAN|FBAV")),
            new Named("Edge", Pattern.compile("Edg(e|A|iOS)?/")),
            new Named("Opera", Pattern.compile("OPR/|Opera")),
            new Named("Samsung Internet", Pattern.compile("SamsungBrowser")),
            new Named("UC Browser", Pattern.compile("UCBrowser")),
            new Named("Firefox", Pattern.compile("Firefox/|FxiOS")),
            new Named("Chrome", Pattern.compile("Chrome/|CriOS")),
            new Named("Safari", Pattern.compile("Safari/")),
            new Named("curl", Pattern.compile("^curl/")));

    private static final List<Named> SYSTEMS = List.of(
            new Named("Android", Pattern.compile("Android")),
            new Named("iPhone", Pattern.compile("iPhone")),
            new Named("iPad", Pattern.compile("iPad")),
            new Named("Windows", Pattern.compile("Windows")),
            new Named("ChromeOS", Pattern.compile("CrOS")),
            new Named("macOS", Pattern.compile("Macintosh|Mac OS X")),
            new Named("Linux", Pattern.compile("Linux|X11")));

    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

    private record Named(String name, Pattern pattern) {
    }

    private Devices() {
    }

    /** Returns the browser and system that the User-Agent header names. */
    static Device describe(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Device(null, null);
        }
        return new Device(firstMatch(BROWSERS, userAgent), firstMatch(SYSTEMS, userAgent));
    }

    /**
     * Returns the network of an address as people read it: "203.113.45.0/24" or "2001:ee0:4f1::/48",
     * or null for something that is no IP address. Never looks a name up.
     */
    static @Nullable String network(@Nullable String address) {
        if (address == null) {
            return null;
        }
        Matcher ipv4 = IPV4.matcher(address.strip());
        if (ipv4.matches()) {
            return ipv4Network(ipv4);
        }
        byte[] bytes = ipv6Bytes(address);
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 4) {
            // An IPv4-mapped address such as ::ffff:203.113.45.17.
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        return String.format("%x:%x:%x::/48", group(bytes, 0), group(bytes, 2), group(bytes, 4));
    }

    /**
     * Returns the address as the sign-in limits count it: an IPv4 address whole, an IPv6 address as
     * its /64 network. A home or mobile connection gets at least a whole /64, so it could otherwise
     * take a new address for every attempt. Anything else comes back unchanged.
     */
    static String limitedAddress(String address) {
        byte[] bytes = ipv6Bytes(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        return String.format("%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 2), group(bytes, 4), group(bytes, 6));
    }

    private static @Nullable String ipv4Network(Matcher octets) {
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(octets.group(group)) > 255) {
                return null;
            }
        }
        return Integer.parseInt(octets.group(1)) + "." + Integer.parseInt(octets.group(2)) + "."
                + Integer.parseInt(octets.group(3)) + ".0/24";
    }

    /**
     * Returns the bytes of an IPv6 literal (4 for an IPv4-mapped one), or null for anything else.
     * Never looks a name up.
     */
    private static byte @Nullable [] ipv6Bytes(String address) {
        if (!address.contains(":") || !address.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            // In brackets the JDK parses an IPv6 literal or fails; it never sends a DNS query.
            return InetAddress.getByName("[" + address.strip() + "]").getAddress();
        }
        catch (UnknownHostException invalid) {
            return null;
        }
    }

    private static int group(byte[] bytes, int index) {
        return (bytes[index] & 0xff) << 8 | bytes[index + 1] & 0xff;
    }

    private static @Nullable String firstMatch(List<Named> candidates, String userAgent) {
        for (Named candidate : candidates) {
            if (candidate.pattern().matcher(userAgent).find()) {
                return candidate.name();
            }
        }
        return null;
    }
}
