package vn.chibo.meeting;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.system.SecretKeyFile;

/**
 * The codes that the check-in screen shows as a QR code. A code names its time window (the number of
 * code periods since the epoch) and carries an HMAC-SHA256 over the meeting id and that window, so
 * it is valid for one meeting only. A valid code cannot be made without the server's key. A code is accepted
 * in its own window and the next one.
 */
@Component
class CheckInCodes {

    /** The bytes of the HMAC kept in a code: 128 bits, enough against guessing within one minute. */
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    private final long periodMillis;
    private final Clock clock;

    CheckInCodes(AttendanceProperties properties, Clock clock) {
        byte[] secret = SecretKeyFile.configuredOrStored(properties.checkInKey(), properties.checkInKeyFile(),
                "chibo.attendance.check-in-key", "CHIBO_CHECK_IN_KEY");
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.periodMillis = properties.codePeriod().toMillis();
        this.clock = clock;
    }

    /** The outcome of checking a scanned code. */
    enum Verdict {
        VALID,
        /** Signed by this server for this meeting, but its window has passed. */
        EXPIRED,
        /** Malformed, signed for another meeting, from the future, or not signed by this server. */
        INVALID
    }

    /** Returns the code of the current window for the meeting. */
    String current(MeetingId meeting) {
        long window = currentWindow();
        return window + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(meeting, window));
    }

    /** Returns the length of a code's own window in whole seconds, for messages. */
    long periodSeconds() {
        return periodMillis / 1000;
    }

    /** Returns the milliseconds until the current code is replaced by the next one. */
    long millisUntilNext() {
        return periodMillis - Math.floorMod(clock.millis(), periodMillis);
    }

    Verdict verify(MeetingId meeting, @Nullable String code) {
        if (code == null) {
            return Verdict.INVALID;
        }
        String[] parts = code.strip().split("\\.", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[0].length() > 18) {
            return Verdict.INVALID;
        }

        long window;
        byte[] given;
        try {
            window = Long.parseLong(parts[0]);
            given = Base64.getUrlDecoder().decode(parts[1]);
        }
        catch (IllegalArgumentException malformed) {
            return Verdict.INVALID;
        }
        if (!MessageDigest.isEqual(given, mac(meeting, window))) {
            return Verdict.INVALID;
        }

        long now = currentWindow();
        if (window > now) {
            return Verdict.INVALID;
        }
        return now - window <= 1 ? Verdict.VALID : Verdict.EXPIRED;
    }

    private long currentWindow() {
        return Math.floorDiv(clock.millis(), periodMillis);
    }

    private byte[] mac(MeetingId meeting, long window) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] full = hmac.doFinal(("check-in:" + meeting.value() + ":" + window).getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(full, MAC_BYTES);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }
}
