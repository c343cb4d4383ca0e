import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The codes a member's phone or authenticator app would produce: the second-factor code (TOTP as in
 * RFC 6238: SHA-1, 30 seconds, 6 digits) and the code of the check-in QR code, which the product
 * signs with HMAC-SHA256 under chibo.attendance.check-in-key (vn.chibo.meeting.CheckInCodes).
 */
final class Codes {

    private static final long CHECK_IN_PERIOD_MILLIS = 30_000;
    private static final int CHECK_IN_MAC_BYTES = 16;

    private Codes() {
    }

    static String totp(String base32Secret, long epochMillis) {
        byte[] counter = ByteBuffer.allocate(8).putLong(epochMillis / 30_000).array();
        byte[] hash = hmac("HmacSHA1", base32(base32Secret), counter);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return "%06d".formatted(binary % 1_000_000);
    }

    static String checkIn(String key, long meetingId, long epochMillis) {
        long window = Math.floorDiv(epochMillis, CHECK_IN_PERIOD_MILLIS);
        byte[] mac = hmac("HmacSHA256", key.strip().getBytes(StandardCharsets.UTF_8),
                ("check-in:" + meetingId + ":" + window).getBytes(StandardCharsets.US_ASCII));
        return window + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(mac, CHECK_IN_MAC_BYTES));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        }
        catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(algorithm + " is not available", unavailable);
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
