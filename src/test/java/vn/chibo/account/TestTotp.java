package vn.chibo.account;

import java.time.Instant;

/** Computes TOTP codes in tests from a Base32 secret, as an authenticator app would. */
public final class TestTotp {

    private TestTotp() {
    }

    public static long step(Instant time) {
        return Totp.step(time);
    }

    public static String code(String base32Secret, long step) {
        return Totp.code(Totp.fromBase32(base32Secret), step);
    }
}
