package vn.chibo.account;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.util.encoders.Base32;
import org.bouncycastle.util.encoders.DecoderException;

/**
 * Time-based one-time passwords as RFC 6238 defines them, with the parameters that authenticator apps
 * expect: HMAC-SHA1, 30-second time steps counted from the Unix epoch, and 6 digits. The secret is
 * shown to the user in Base32 (RFC 4648), the encoding of the {@code otpauth://} URI in the QR code.
 */
final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    static final String ALGORITHM = "HmacSHA1";

    /** The secret's length: 160 bits, the length of an HMAC-SHA1 output, as RFC 4226 recommends. */
    static final int SECRET_BYTES = 20;

    /** How many steps before and after the current one a code is still accepted, for clocks that drift. */
    static final int ALLOWED_DRIFT_STEPS = 1;

    private Totp() {
    }

    /** Returns the time step that contains the instant. */
    static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** Returns the 6-digit code of the step, with leading zeros. */
    static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, ALGORITHM);
    }

    /**
     * Returns the code of the step: the HOTP value (RFC 4226, section 5.3) of the step as an 8-byte
     * big-endian counter, with the given number of digits and HMAC algorithm.
     */
    static String code(byte[] secret, long step, int digits, String algorithm) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        }
        catch (GeneralSecurityException failure) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", failure);
        }
        // Dynamic truncation: the low 4 bits of the last byte select 4 bytes, read without the sign bit.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
                | hash[offset + 3] & 0xff;
        int modulus = (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    }

    /**
     * Returns the step whose code the given code is, among the current step and {@value #ALLOWED_DRIFT_STEPS}
     * step before and after it, or empty when it matches none. Each comparison takes the same time
     * whatever the digits, so that timing reveals nothing about the right code.
     */
    static OptionalLong matchingStep(byte[] secret, String code, long currentStep) {
        byte[] received = code.getBytes(StandardCharsets.US_ASCII);
        long matched = Long.MIN_VALUE;
        for (long step = currentStep - ALLOWED_DRIFT_STEPS; step <= currentStep + ALLOWED_DRIFT_STEPS; step++) {
            byte[] expected = code(secret, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, received)) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** Returns the secret in Base32 without padding, upper case, as authenticator apps accept it. */
    static String base32(byte[] secret) {
        return Base32.toBase32String(secret).replace("=", "");
    }

    /**
     * Returns the secret that Base32 text encodes, in any case, with or without spaces and padding.
     *
     * @throws IllegalArgumentException when the text is not Base32
     */
    static byte[] fromBase32(String text) {
        String normalized = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        int padding = (8 - normalized.length() % 8) % 8;
        try {
            return Base32.decode(normalized + "=".repeat(padding));
        }
        catch (DecoderException invalid) {
            throw new IllegalArgumentException("The TOTP secret is not valid Base32", invalid);
        }
    }

    /**
     * Returns the {@code otpauth://totp/} URI that authenticator apps read from a QR code (the Key
     * Uri Format of Google Authenticator, which other apps follow).
     *
     * @param issuer the product, shown by the app above the code
     * @param accountName the account, shown by the app beside the issuer
     */
    static String otpauthUri(String issuer, String accountName, String base32Secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
