package vn.chibo.account;

import java.io.Serial;
import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused, without checking the password, because too many failed before it. It is an
 * account status failure, so that no other authentication provider is tried after it.
 */
final class SignInBlocked extends LockedException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Instant until;

    SignInBlocked(Instant until) {
        super("Sign-in is blocked after repeated failures");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
