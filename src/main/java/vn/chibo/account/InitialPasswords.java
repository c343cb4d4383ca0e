package vn.chibo.account;

import java.security.SecureRandom;
import java.util.function.Predicate;

/**
 * Initial passwords that an older member can copy from a paper slip: ten characters from an
 * alphabet without look-alikes (no 0/o, 1/l/i), about 49 bits of randomness. They work only until
 * the first sign-in, which asks for a new password.
 */
final class InitialPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    static final int LENGTH = PasswordRules.MINIMUM_LENGTH;

    private final SecureRandom random = new SecureRandom();

    /**
     * Returns a random password that the predicate accepts, drawing again when it rejects one (a
     * draw that happens to contain a part of the owner's name, such as "van").
     */
    String next(Predicate<String> accepted) {
        while (true) {
            String password = draw();
            if (accepted.test(password)) {
                return password;
            }
        }
    }

    private String draw() {
        var password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
