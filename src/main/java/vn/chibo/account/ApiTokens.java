package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import vn.chibo.system.ForbiddenException;
import vn.chibo.system.Formats;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.TooManyRequestsException;

/**
 * Bearer tokens of the JSON API. A token is issued for a user name (or phone number) and password
 * under the rules of the sign-in form. The same limits on failed attempts per account and per client
 * address apply, and an account gets no token while its initial password is unchanged. An account
 * with a second factor sends its code too, and one whose roles require a second factor gets no token
 * until it has set one up on the website. A token is 256 random bits; only
 * its SHA-256 hash is stored. It works until it expires ({@code chibo.api.token-lifetime}), is revoked
 * by its holder, or the account changes its password or signs out everywhere, which deletes all of
 * the account's tokens (see {@link Accounts}).
 */
@Component
public class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final SignInAudit audit;
    private final AuthenticationManager signIn;
    private final Duration lifetime;
    private final Formats formats;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, AccountUserDetailsService userDetails,
            PasswordEncoder passwordEncoder, SignInLimits limits, SecondFactors secondFactors, SignInAudit audit,
            AccountProperties properties, Formats formats, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.signIn = SecurityConfiguration.signInManager(userDetails, passwordEncoder, limits, audit);
        this.lifetime = properties.api().tokenLifetime();
        this.formats = formats;
        this.clock = clock;
    }

    /** A token as issued: the only time the token itself is known to the server. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /**
     * A token that works, as its owner sees it on the sessions page.
     *
     * @param id the row id, by which the owner revokes it
     * @param browser the client named by the User-Agent of the token request, or null
     * @param system the operating system named by that User-Agent, or null
     */
    public record ListedToken(long id, Instant issuedAt, Instant expiresAt, @Nullable String browser,
            @Nullable String system) {
    }

    /**
     * Checks the password, and the second factor of an account that has one, and issues a token.
     *
     * @param code a TOTP or recovery code, or null; required for an account with a second factor
     * @param clientAddress the address the request came from, for the per-address sign-in limit
     * @param userAgent the request's User-Agent header, of which only the browser and system are stored
     * @throws ApiSignInFailed for a wrong user name or password, or a disabled account
     * @throws TooManyRequestsException while sign-in or codes are blocked after repeated failures
     * @throws ForbiddenException when the password is right but still the initial one
     * @throws SecondFactorRequired when the account has a second factor and no code came
     * @throws WrongSecondFactor when the code is wrong or used already
     * @throws SecondFactorEnrolmentRequired when the account's roles require a second factor it has not set up
     */
    public IssuedToken issue(String usernameOrPhone, String password, @Nullable String code,
            @Nullable String clientAddress, @Nullable String userAgent) {
        AccountUser user = checkPassword(usernameOrPhone, password, clientAddress);
        AccountRecord account = accounts.find(user.accountId()).orElseThrow(ApiSignInFailed::new);
        if (account.mustChangePassword()) {
            log.info("Refused an API token to account {}: its initial password is unchanged", account.id());
            throw new ForbiddenException("account.api.initialPassword");
        }
        Optional<SecondFactors.Factor> secondFactor = checkSecondFactor(account, code);

        String token = newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        jdbc.sql("delete from api_token where expires_at <= :now").param("now", JdbcTime.param(now)).update();
        Devices.Device device = Devices.describe(userAgent);
        jdbc.sql("""
                insert into api_token (account_id, token_hash, issued_at, expires_at, second_factor, client_browser,
                                       client_system)
                values (:account, :hash, :now, :expiresAt, :secondFactor, :browser, :system)
                """)
                .param("account", account.id().value())
                .param("hash", hash(token))
                .param("now", JdbcTime.param(now))
                .param("expiresAt", JdbcTime.param(expiresAt))
                .param("secondFactor", secondFactor.isPresent())
                .param("browser", device.browser(), Types.VARCHAR)
                .param("system", device.system(), Types.VARCHAR)
                .update();
        audit.tokenIssued(account.id(), secondFactor.map(factor -> "PASSWORD," + factor).orElse("PASSWORD"));
        log.info("Issued an API token to account {}, valid until {}", account.id(), expiresAt);
        return new IssuedToken(token, expiresAt);
    }

    /** Returns the second factor that was passed, if the account has one; throws when one is due and was not. */
    private Optional<SecondFactors.Factor> checkSecondFactor(AccountRecord account, @Nullable String code) {
        if (!secondFactors.isEnabled(account.id())) {
            if (SecondFactors.isRequired(accounts.grantsOf(account.id()))) {
                log.info("Refused an API token to account {}: it must set up a second factor first", account.id());
                throw new SecondFactorEnrolmentRequired();
            }
            return Optional.empty();
        }
        if (code == null || code.isBlank()) {
            log.info("Asked account {} for its second-factor code before issuing an API token", account.id());
            throw new SecondFactorRequired();
        }
        return Optional.of(secondFactors.check(account.id(), code).factor());
    }

    /**
     * The account of a token that works, with what {@link ActorFilter} checks.
     *
     * @param secondFactor whether the token was issued after a second factor
     */
    record TokenHolder(Accounts.SignedInAccount signedIn, boolean secondFactor) {

        AccountRecord account() {
            return signedIn.account();
        }
    }

    /**
     * Returns the account of a token that works: issued here, not expired or revoked, of an enabled
     * account that has changed its initial password. One query reads the token, the account, its
     * grants and its second factor.
     */
    Optional<TokenHolder> holderOf(String token) {
        return accounts.signedInByToken(hash(token), clock.instant())
                .map(row -> new TokenHolder(row.account(), row.tokenSecondFactor()));
    }

    /** Returns the account's tokens that have not expired, the newest first. */
    public List<ListedToken> listOf(AccountId account) {
        return jdbc.sql("""
                select id, issued_at, expires_at, client_browser, client_system from api_token
                where account_id = :account and expires_at > :now
                order by issued_at desc, id desc
                """)
                .param("account", account.value())
                .param("now", JdbcTime.param(clock.instant()))
                .query((row, number) -> new ListedToken(row.getLong("id"), JdbcTime.instant(row, "issued_at"),
                        JdbcTime.instant(row, "expires_at"), row.getString("client_browser"),
                        row.getString("client_system")))
                .list();
    }

    /**
     * Revokes one of the account's tokens by its id, from the sessions page; returns whether the
     * account had it. A token of another account is never touched.
     */
    public boolean revoke(AccountId account, long tokenId) {
        boolean revoked = jdbc.sql("delete from api_token where id = :id and account_id = :account")
                .param("id", tokenId)
                .param("account", account.value())
                .update() > 0;
        if (revoked) {
            log.info("Account {} revoked its API token {}", account, tokenId);
        }
        else {
            log.info("Account {} tried to revoke API token {}, which is not among its own", account, tokenId);
        }
        return revoked;
    }

    /** Revokes one token, such as when the app signs out; returns whether it existed. */
    public boolean revoke(String token) {
        return jdbc.sql("delete from api_token where token_hash = :hash").param("hash", hash(token)).update() > 0;
    }

    private AccountUser checkPassword(String usernameOrPhone, String password, @Nullable String clientAddress) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(usernameOrPhone, password);
        attempt.setDetails(new WebAuthenticationDetails(clientAddress == null ? "" : clientAddress, null));
        try {
            return (AccountUser) signIn.authenticate(attempt).getPrincipal();
        }
        catch (SignInBlocked blocked) {
            Duration wait = Duration.between(clock.instant(), blocked.until());
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new TooManyRequestsException(wait, "account.login.blocked", formats.dateAndTimeInZone(blocked.until()),
                    minutes);
        }
        catch (AuthenticationException failed) {
            // The user name is not logged: it is usually a member's phone number.
            log.info("API sign-in failed: {}", failed.getClass().getSimpleName());
            throw new ApiSignInFailed();
        }
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns the SHA-256 hash (hex) under which a token is stored. A token has too much entropy to need a salt. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", missing);
        }
    }
}
