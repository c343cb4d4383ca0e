package vn.chibo.account;

import java.security.SecureRandom;

/**
 * Initial passwords that an older member can copy from a paper slip: eight characters from an
 * alphabet without look-alikes (no 0/o, 1/l/i), about 40 bits of randomness. They work only until
 * the first sign-in, which asks for a new password.
 */
final class InitialPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    String next() {
        var password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
