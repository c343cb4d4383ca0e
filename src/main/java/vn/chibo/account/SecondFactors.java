package vn.chibo.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.Formats;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.TooManyRequestsException;

/**
 * The second factor of sign-in: a TOTP authenticator app, with one-time recovery codes for a lost
 * phone. Accounts that hold a role that {@linkplain Role#requiresSecondFactor() requires it} must set
 * it up; others may. Wrong codes count against the account under {@link SignInLimits}, and every
 * accepted code, failure and use of a recovery code is audited.
 */
@Component
public class SecondFactors {

    /** The authority that a session gets once it passed a TOTP code. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

    /** The authority that a session gets once it passed a recovery code. */
    public static final String RECOVERY_CODE_AUTHORITY = "FACTOR_RECOVERY_CODE";

    /** The authorities that complete a sign-in after the password, or in place of it (a passkey). */
    private static final Set<String> SECOND_FACTORS = Set.of(TOTP_AUTHORITY, RECOVERY_CODE_AUTHORITY,
            FactorGrantedAuthority.WEBAUTHN_AUTHORITY);

    static final int RECOVERY_CODES = 10;
    static final String ISSUER = "Chi bộ số";

    /** The letters of recovery codes: no 0, 1, i, l or o, which are easily misread. */
    private static final String RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final int RECOVERY_CODE_LENGTH = 10;
    private static final Pattern TOTP_CODE = Pattern.compile("[0-9]{6}");
    private static final Pattern RECOVERY_CODE = Pattern.compile("[" + RECOVERY_ALPHABET + "]{10}");

    private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

    private final SecureRandom random = new SecureRandom();
    private final SecondFactorStore store;
    private final Accounts accounts;
    private final SignInLimits limits;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Formats formats;
    private final Clock clock;
    private final boolean demoMode;

    SecondFactors(SecondFactorStore store, Accounts accounts, SignInLimits limits, PasswordEncoder passwordEncoder,
            AuditLog audit, TransactionTemplate transactions, Formats formats, AccountProperties properties,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.limits = limits;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.transactions = transactions;
        this.formats = formats;
        this.demoMode = properties.demo().enabled();
        this.clock = clock;
    }

    /** The factor that passed a second-factor check. */
    public enum Factor {
        TOTP(TOTP_AUTHORITY), RECOVERY_CODE(RECOVERY_CODE_AUTHORITY);

        private final String authority;

        Factor(String authority) {
            this.authority = authority;
        }

        /** Returns the authority that records this factor in the session. */
        public String authority() {
            return authority;
        }
    }

    /**
     * The progress of a signed-in session through the second factor.
     * {@code CODE_REQUIRED}: the password is checked, and the account's TOTP or recovery code is still due.
     * {@code ENROLMENT_REQUIRED}: the account's roles require a second factor that it has not set up.
     */
    enum Stage {
        COMPLETE, CODE_REQUIRED, ENROLMENT_REQUIRED
    }

    /**
     * The second factor of an account, for its settings page.
     *
     * @param required whether a role of the account requires it, so that it cannot be turned off
     */
    public record Status(boolean enabled, boolean required, int recoveryCodesLeft) {
    }

    /**
     * A secret that waits for its first code.
     *
     * @param secret the Base32 secret in groups of four letters, for typing into an app
     * @param otpauthUri the URI to show as a QR code
     */
    public record PendingEnrolment(String secret, String otpauthUri) {
    }

    /** A passed check, and how many unused recovery codes the account has left after it. */
    public record Passed(Factor factor, int recoveryCodesLeft) {
    }

    public Status statusOf(Actor actor) {
        return new Status(store.isConfirmed(actor.accountId()), isRequired(actor.grants()),
                store.recoveryCodesLeft(actor.accountId()));
    }

    /** Returns whether the account has a second factor turned on. */
    public boolean isEnabled(AccountId account) {
        return store.isConfirmed(account);
    }

    /** Returns whether a role of the actor requires a second factor, so that it cannot be turned off. */
    public static boolean isRequiredFor(Actor actor) {
        return isRequired(actor.grants());
    }

    /** Returns whether any of the roles requires a second factor. */
    static boolean isRequired(Collection<Grant> grants) {
        return grants.stream().anyMatch(grant -> grant.role().requiresSecondFactor());
    }

    /** Returns whether the authentication includes a second factor, or a passkey that stands for both. */
    static boolean hasSecondFactor(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(SECOND_FACTORS::contains);
    }

    /** Returns the stage of a signed-in session of the account, from its authentication and the account's roles. */
    Stage stageOf(Authentication authentication, AccountId account, Collection<Grant> grants) {
        if (hasSecondFactor(authentication)) {
            return Stage.COMPLETE;
        }
        return stageOf(authentication, store.isConfirmed(account), grants);
    }

    /** Returns the stage when the caller already read whether the account has a confirmed second factor. */
    static Stage stageOf(Authentication authentication, boolean secondFactorConfirmed, Collection<Grant> grants) {
        if (hasSecondFactor(authentication)) {
            return Stage.COMPLETE;
        }
        if (secondFactorConfirmed) {
            return Stage.CODE_REQUIRED;
        }
        return isRequired(grants) ? Stage.ENROLMENT_REQUIRED : Stage.COMPLETE;
    }

    /**
     * Returns the secret to set up in an app: the one already waiting for its first code, so that
     * reloading the page keeps the QR code that was scanned, or a new one.
     *
     * @throws ConflictException when the second factor is on already
     */
    @Transactional
    public PendingEnrolment startEnrolment(Actor actor) {
        Optional<SecondFactorStore.StoredSecret> stored = store.find(actor.accountId());
        if (stored.isPresent() && stored.get().confirmed()) {
            throw new ConflictException("account.twoFactor.error.alreadyOn");
        }
        byte[] secret;
        if (stored.isPresent()) {
            secret = stored.get().secret();
        }
        else {
            secret = new byte[Totp.SECRET_BYTES];
            random.nextBytes(secret);
            store.savePending(actor.accountId(), secret);
            log.info("Account {} started to set up a second factor", actor.accountId());
        }
        String base32 = Totp.base32(secret);
        return new PendingEnrolment(grouped(base32), Totp.otpauthUri(ISSUER, actor.username(), base32));
    }

    /**
     * Turns the second factor on once the app shows the right code, and returns the recovery codes,
     * which are never shown again.
     *
     * @throws InvalidInputException when no enrolment was started or the code does not match
     * @throws TooManyRequestsException after repeated wrong codes
     */
    public List<String> confirmEnrolment(Actor actor, String code) {
        AccountId account = actor.accountId();
        requireNotBlocked(account);
        SecondFactorStore.StoredSecret stored = store.find(account)
                .filter(found -> !found.confirmed())
                .orElseThrow(() -> new InvalidInputException("account.twoFactor.error.notStarted"));
        String digits = code.replace(" ", "");
        OptionalLong step = TOTP_CODE.matcher(digits).matches()
                ? Totp.matchingStep(stored.secret(), digits, Totp.step(clock.instant()))
                : OptionalLong.empty();
        if (step.isEmpty()) {
            countFailure(account, "enrolment");
            throw new InvalidInputException("account.twoFactor.error.wrongCode");
        }

        List<String> codes = transactions.execute(status -> {
            store.confirm(account, step.getAsLong());
            List<String> recovery = newRecoveryCodes(account);
            audit.record(new AuditEntry(account.value(), null, "account.secondFactorEnabled", "account",
                    account.value(), "factor=TOTP"));
            return recovery;
        });
        limits.recordSecondFactorSuccess(account);
        log.info("Account {} turned on its second factor", account);
        return codes;
    }

    /** Replaces the recovery codes by new ones, which voids the old ones, and returns them. */
    @Transactional
    public List<String> regenerateRecoveryCodes(Actor actor) {
        if (!store.isConfirmed(actor.accountId())) {
            throw new ConflictException("account.twoFactor.error.notOn");
        }
        List<String> codes = newRecoveryCodes(actor.accountId());
        audit.record(new AuditEntry(actor.accountId().value(), null, "account.recoveryCodesRegenerated", "account",
                actor.accountId().value(), "count=" + codes.size()));
        log.info("Account {} replaced its recovery codes", actor.accountId());
        return codes;
    }

    /**
     * Turns the second factor off after checking the password and a code.
     *
     * @throws ForbiddenException when a role of the account requires the second factor
     * @throws InvalidInputException when the password is wrong
     * @throws WrongSecondFactor when the code is wrong
     */
    public void disable(Actor actor, String password, String code) {
        AccountId account = actor.accountId();
        if (isRequired(accounts.grantsOf(account))) {
            throw new ForbiddenException("account.twoFactor.error.required");
        }
        if (!store.isConfirmed(account)) {
            throw new ConflictException("account.twoFactor.error.notOn");
        }
        if (!passwordEncoder.matches(password, accounts.passwordHash(account))) {
            throw new InvalidInputException("account.password.error.current");
        }
        check(account, code);

        transactions.executeWithoutResult(status -> {
            store.delete(account);
            audit.record(new AuditEntry(account.value(), null, "account.secondFactorDisabled", "account",
                    account.value(), null));
        });
        log.info("Account {} turned off its second factor", account);
    }

    /**
     * Checks a TOTP code (within one time step of now, and of a step after the last accepted code) or
     * an unused recovery code, which is then used up.
     *
     * @throws WrongSecondFactor when the code is wrong or used already
     * @throws TooManyRequestsException after repeated wrong codes, until the block ends
     */
    public Passed check(AccountId account, String input) {
        requireNotBlocked(account);
        String compact = input.replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);

        Optional<Passed> passed = Optional.ofNullable(transactions.execute(status -> tryCode(account, compact)));
        if (passed.isEmpty()) {
            countFailure(account, TOTP_CODE.matcher(compact).matches() ? "totp" : "recoveryCode");
            throw new WrongSecondFactor();
        }
        limits.recordSecondFactorSuccess(account);
        log.info("Account {} passed the second factor with {}", account, passed.get().factor());
        return passed.get();
    }

    private Passed tryCode(AccountId account, String compact) {
        Optional<SecondFactorStore.StoredSecret> stored = store.find(account).filter(SecondFactorStore.StoredSecret::confirmed);
        if (stored.isEmpty()) {
            return null;
        }
        if (TOTP_CODE.matcher(compact).matches()) {
            OptionalLong step = Totp.matchingStep(stored.get().secret(), compact, Totp.step(clock.instant()));
            if (step.isEmpty() || !store.useStep(account, step.getAsLong())) {
                return null;
            }
            audit.record(new AuditEntry(account.value(), null, "account.secondFactorPassed", "account",
                    account.value(), "factor=TOTP"));
            return new Passed(Factor.TOTP, store.recoveryCodesLeft(account));
        }
        if (RECOVERY_CODE.matcher(compact).matches() && store.useRecoveryCode(account, compact)) {
            int left = store.recoveryCodesLeft(account);
            audit.record(new AuditEntry(account.value(), null, "account.recoveryCodeUsed", "account",
                    account.value(), "left=" + left));
            return new Passed(Factor.RECOVERY_CODE, left);
        }
        return null;
    }

    /**
     * Turns the second factor on with a secret that is known beforehand, for the demo accounts whose
     * secrets the README prints, and returns new recovery codes.
     *
     * @param demo whether the second-factor page may show the current code in demo mode
     */
    @Transactional
    public List<String> enrolKnownSecret(AccountId account, String base32Secret, boolean demo) {
        store.saveConfirmed(account, Totp.fromBase32(base32Secret), demo);
        List<String> codes = newRecoveryCodes(account);
        audit.record(new AuditEntry(null, null, "account.secondFactorEnabled", "account", account.value(),
                demo ? "factor=TOTP,demo=true" : "factor=TOTP"));
        log.info("Enrolled account {} in the second factor with a known secret", account);
        return codes;
    }

    /**
     * Returns the current code of a demo account, only in demo mode ({@code chibo.demo.enabled}), so
     * that a visitor can sign in without an app. Outside demo mode it is always empty.
     */
    public Optional<String> demoCode(AccountId account) {
        if (!demoMode) {
            return Optional.empty();
        }
        return store.find(account)
                .filter(stored -> stored.demo() && stored.confirmed())
                .map(stored -> Totp.code(stored.secret(), Totp.step(clock.instant())));
    }

    private void requireNotBlocked(AccountId account) {
        Optional<Instant> blocked = limits.secondFactorBlockedUntil(account);
        if (blocked.isPresent()) {
            log.info("Refused a second-factor code of account {} while codes are blocked", account);
            throw blockedUntil(blocked.get());
        }
    }

    private void countFailure(AccountId account, String kind) {
        transactions.executeWithoutResult(status -> audit.record(new AuditEntry(account.value(), null,
                "account.secondFactorFailed", "account", account.value(), "kind=" + kind)));
        log.info("Account {} sent a wrong second-factor code ({})", account, kind);
        Optional<Instant> until = limits.recordSecondFactorFailure(account);
        if (until.isPresent()) {
            throw blockedUntil(until.get());
        }
    }

    private TooManyRequestsException blockedUntil(Instant until) {
        Duration wait = Duration.between(clock.instant(), until);
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return new TooManyRequestsException(wait, "account.secondFactor.blocked", formats.time(until), minutes);
    }

    private List<String> newRecoveryCodes(AccountId account) {
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var code = new StringBuilder();
            for (int j = 0; j < RECOVERY_CODE_LENGTH; j++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            plain.add(code.toString());
        }
        store.replaceRecoveryCodes(account, plain);
        return plain.stream().map(code -> code.substring(0, 5) + "-" + code.substring(5)).toList();
    }

    private static String grouped(String base32) {
        var groups = new StringBuilder();
        for (int i = 0; i < base32.length(); i += 4) {
            if (!groups.isEmpty()) {
                groups.append(' ');
            }
            groups.append(base32, i, Math.min(base32.length(), i + 4));
        }
        return groups.toString();
    }
}
