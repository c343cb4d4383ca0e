package vn.chibo.account;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signs in with a passkey under the same limits as the password form. Spring Security's
 * {@code WebAuthnAuthenticationProvider} verifies the assertion against the stored public key of the
 * passkey it names, so a passkey signs in only the account that registered it. This provider counts
 * each failed assertion against the passkey's account (or the unknown passkey) and the client address,
 * refuses while either is blocked, audits each failure as the password form does, and turns the
 * result into the session principal that the rest of the application reads, an {@link AccountUser}.
 * The result keeps Spring Security's
 * {@code FACTOR_WEBAUTHN} authority, which marks a complete sign-in that needs no second factor.
 */
final class PasskeySignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasskeySignIn.class);

    private final AuthenticationProvider assertions;
    private final SignInLimits limits;
    private final Accounts accounts;
    private final UserCredentialRepository credentials;
    private final PublicKeyCredentialUserEntityRepository users;
    private final SignInAudit audit;

    PasskeySignIn(AuthenticationProvider assertions, SignInLimits limits, Accounts accounts,
            UserCredentialRepository credentials, PublicKeyCredentialUserEntityRepository users, SignInAudit audit) {
        this.assertions = assertions;
        this.limits = limits;
        this.accounts = accounts;
        this.credentials = credentials;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        var request = (WebAuthnAuthenticationRequestToken) attempt;
        @Nullable Bytes credentialId = request.getWebAuthnRequest().getPublicKey().getRawId();
        Optional<AccountRecord> owner = ownerOf(credentialId);
        SignInLimits.Subjects subjects = limits.subjectsOfPasskey(owner.map(AccountRecord::id),
                credentialId == null ? "" : credentialId.toBase64UrlString(), clientAddress());
        Optional<Instant> blocked = limits.blockedUntil(subjects);
        if (blocked.isPresent()) {
            log.info("Refused a passkey sign-in for {} while it is blocked", subjects.forLog());
            throw new SignInBlocked(blocked.get());
        }

        Authentication verified;
        try {
            verified = assertions.authenticate(attempt);
        }
        catch (BadCredentialsException wrong) {
            // The cause's message may name the user entity, so only its type is logged.
            log.info("Passkey sign-in failed for {}: {}", subjects.forLog(),
                    wrong.getCause() == null ? "no cause" : wrong.getCause().getClass().getSimpleName());
            Optional<Instant> until = limits.recordFailure(subjects);
            @Nullable Long accountId = owner.map(account -> account.id().value()).orElse(null);
            String reason = until.isPresent() ? "BLOCKED" : owner.isPresent() ? "BAD_CREDENTIALS" : "UNKNOWN_PASSKEY";
            audit.passkeyFailed(accountId, reason);
            if (until.isPresent()) {
                throw new SignInBlocked(until.get());
            }
            throw wrong;
        }

        var user = (PublicKeyCredentialUserEntity) verified.getPrincipal();
        AccountRecord account = accounts.findByUsername(user.getName())
                .orElseThrow(() -> new BadCredentialsException("The passkey's account no longer exists"));
        if (!account.enabled()) {
            audit.passkeyFailed(account.id().value(), "DISABLED");
            throw new DisabledException("The passkey's account is disabled");
        }
        limits.recordSuccess(subjects);
        var principal = new AccountUser(account, null);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, verified.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }

    private Optional<AccountRecord> ownerOf(@Nullable Bytes credentialId) {
        if (credentialId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(credentials.findByCredentialId(credentialId))
                .map(CredentialRecord::getUserEntityUserId)
                .map(users::findById)
                .flatMap(user -> accounts.findByUsername(user.getName()));
    }

    /**
     * Returns the client address of the current request. Spring Security's WebAuthn filter attaches no
     * request details to the attempt, so the address comes from the request bound to the thread.
     */
    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
