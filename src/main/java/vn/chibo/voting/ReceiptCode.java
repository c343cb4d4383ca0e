package vn.chibo.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The code a secret ballot's voter gets when the ballot is accepted, to check after the close that it
 * was counted and as what. It carries 130 bits as 26 Crockford base-32 characters, shown in groups of
 * four: random, or derived under the server's key from the random part of a {@link BallotAttempts
 * ballot attempt}. Only its SHA-256 hash is stored, as the ballot's key; without salt, because
 * guessing 130 unknown bits is out of reach.
 */
public record ReceiptCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 26;
    private static final SecureRandom RANDOM = new SecureRandom();

    static ReceiptCode generate() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new ReceiptCode(code.toString());
    }

    /**
     * Returns the code made of the first 130 bits of a digest given as hex, such as a keyed hash: the
     * same digest always gives the same code.
     */
    static ReceiptCode fromDigest(String hexDigest) {
        byte[] bits = HexFormat.of().parseHex(hexDigest);
        if (bits.length * 8 < LENGTH * 5) {
            throw new IllegalArgumentException("A receipt code needs " + LENGTH * 5 + " bits, not " + bits.length * 8);
        }
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            int value = 0;
            for (int bit = i * 5; bit < i * 5 + 5; bit++) {
                value = value << 1 | (bits[bit / 8] >> (7 - bit % 8) & 1);
            }
            code.append(ALPHABET.charAt(value));
        }
        return new ReceiptCode(code.toString());
    }

    /**
     * Reads a code as a voter types it back: case, spaces and dashes do not matter, and the letters
     * I, L and O read as 1, 1 and 0 as Crockford's base 32 defines. Fails for anything else.
     */
    public static ReceiptCode parse(@Nullable String text) {
        if (text == null) {
            throw new InvalidReceiptCode();
        }
        String cleaned = text.replaceAll("[\\s-]", "")
                .toUpperCase(Locale.ROOT)
                .replace('I', '1')
                .replace('L', '1')
                .replace('O', '0');
        if (cleaned.length() != LENGTH || !cleaned.chars().allMatch(character -> ALPHABET.indexOf(character) >= 0)) {
            throw new InvalidReceiptCode();
        }
        return new ReceiptCode(cleaned);
    }

    /** Returns the code in groups of four characters, as voters are shown it. */
    public String grouped() {
        return String.join("-", value.split("(?<=\\G.{4})"));
    }

    /** Returns the lowercase hex SHA-256 hash of the code, which is all the database keeps. */
    String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    /** Keeps the code out of logs and error pages that print records. */
    @Override
    public String toString() {
        return "ReceiptCode[hidden]";
    }
}
