package vn.chibo.video;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.chibo.meeting.MeetingId;

/**
 * Room names derived from the meeting id with a secret key: {@code chibo-} and the first 128 bits of
 * HMAC-SHA256 over the id, in hex. The same meeting always gets the same room on every node that shares
 * the key, and nobody without the key can find a meeting's room from its id.
 */
final class RoomNames {

    private static final int NAME_BYTES = 16;

    private final SecretKeySpec key;

    RoomNames(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    String of(MeetingId meeting) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            byte[] full = hmac.doFinal(("video-room:" + meeting.value()).getBytes(StandardCharsets.US_ASCII));
            return "chibo-" + HexFormat.of().formatHex(Arrays.copyOf(full, NAME_BYTES));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }
}
