package vn.chibo.account;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the password only while neither the account nor the client address is blocked, counts
 * each wrong password, and forgets the account's failures once the password is right. While a block
 * lasts even the right password is refused, so that guessing gains nothing. A password longer
 * than {@link PasswordRules#MAXIMUM_LENGTH} counts as wrong without being hashed, because no
 * password that long can be set.
 */
final class LimitedSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LimitedSignIn.class);

    private final AuthenticationProvider passwords;
    private final SignInLimits limits;
    private final SignInAudit audit;

    LimitedSignIn(AuthenticationProvider passwords, SignInLimits limits, SignInAudit audit) {
        this.passwords = passwords;
        this.limits = limits;
        this.audit = audit;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication attempt) {
        SignInLimits.Subjects subjects = limits.subjectsOf(attempt.getName(), clientAddress(attempt));
        Optional<Instant> blocked = limits.blockedUntil(subjects);
        if (blocked.isPresent()) {
            // Refusals during a block are logged but not audited, so that hammering a blocked account
            // cannot flood the audit trail. The failure that started the block was audited.
            log.info("Refused a sign-in for {} while it is blocked", subjects.forLog());
            throw new SignInBlocked(blocked.get());
        }

        try {
            if (tooLong(attempt)) {
                throw new BadCredentialsException("The password is longer than any password that can be set");
            }
            Authentication result = passwords.authenticate(attempt);
            limits.recordSuccess(subjects);
            // A right password is not yet a sign-in when a second factor follows: the success handler,
            // the second-factor page and the token endpoint record the completed sign-in with its factors.
            return result;
        }
        catch (BadCredentialsException wrong) {
            Optional<Instant> until = limits.recordFailure(subjects);
            audit.failed(subjects.accountId(), until.isPresent() ? "BLOCKED" : "BAD_CREDENTIALS");
            if (until.isPresent()) {
                throw new SignInBlocked(until.get());
            }
            throw wrong;
        }
        catch (DisabledException disabled) {
            audit.failed(subjects.accountId(), "DISABLED");
            throw disabled;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static boolean tooLong(Authentication attempt) {
        return attempt.getCredentials() instanceof CharSequence password
                && PasswordRules.lengthOf(password.toString()) > PasswordRules.MAXIMUM_LENGTH;
    }

    private static @Nullable String clientAddress(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
