package vn.chibo.voting;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A random value that the confirmation form of a secret ballot carries, 128 bits in 22 URL-safe
 * characters. The receipt code is derived from it, the voter and the motion under a server key, so a
 * request sent again after its response was lost (a weak link, a second tap) gets the same code back
 * instead of "already voted". The value is stored nowhere: without it the roll still joins no ballot.
 */
public record BallotAttempt(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public BallotAttempt {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A ballot attempt is 22 URL-safe base64 characters");
        }
    }

    public static BallotAttempt generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new BallotAttempt(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Reads the value a form or the app sent back. Any other text reads as none, so the ballot gets a
     * random code as it would without the value. Nothing is rejected for it.
     */
    public static @Nullable BallotAttempt parse(@Nullable String text) {
        return text != null && FORMAT.matcher(text).matches() ? new BallotAttempt(text) : null;
    }

    /** Keeps the value out of logs and error pages that print records. */
    @Override
    public String toString() {
        return "BallotAttempt[hidden]";
    }
}
