package vn.chibo.account;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.system.JdbcTime;

/**
 * Counts failed sign-ins per account and per client address in the database, so that every node
 * applies the same limits, and says until when sign-in is blocked. Wrong second-factor codes count
 * per account under a subject of their own, with the per-account limit. Subjects are stored as an
 * account id or a keyed hash: never a user name, phone number or address in clear.
 */
@Component
class SignInLimits {

    private static final Logger log = LoggerFactory.getLogger(SignInLimits.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final LookupHashes hashes;
    private final AccountProperties.SignIn settings;
    private final Clock clock;

    SignInLimits(JdbcClient jdbc, Accounts accounts, LookupHashes hashes, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.hashes = hashes;
        this.settings = properties.signIn();
        this.clock = clock;
    }

    /**
     * The two subjects one sign-in counts against.
     *
     * @param account {@code account:<id>}, or {@code name:<hash>} for a name that matches no account, so
     *        that guessing at unknown names is limited and answered just like guessing at real ones, or
     *        {@code passkey:<hash>} for a passkey that belongs to no account
     * @param address {@code address:<hash>} of the client address, of its /64 network for IPv6
     */
    record Subjects(String account, String address) {

        /** Returns the subjects as they may be logged: the account id, never a user name or an address. */
        /** Returns the id of the account the user name matches, or null when it matches none. */
        @Nullable Long accountId() {
            return account.startsWith("account:") ? Long.valueOf(account.substring(8)) : null;
        }

        String forLog() {
            String who = account.startsWith("account:") ? "account " + account.substring(8)
                    : account.startsWith("passkey:") ? "an unknown passkey" : "an unknown user name";
            return who + " from address " + address.substring(8, 16);
        }
    }

    Subjects subjectsOf(String usernameOrPhone, @Nullable String clientAddress) {
        String account = accounts.findForSignIn(usernameOrPhone)
                .map(found -> "account:" + found.id())
                .orElseGet(() -> "name:" + hashes.hash("sign-in-name", Usernames.normalize(usernameOrPhone)));
        return new Subjects(account, addressSubject(clientAddress));
    }

    /**
     * Returns the subjects of a passkey sign-in: the account that owns the passkey, or the passkey's
     * credential id when no account does, and the client address.
     */
    Subjects subjectsOfPasskey(Optional<AccountId> owner, String credentialId, @Nullable String clientAddress) {
        String account = owner.map(id -> "account:" + id.value())
                .orElseGet(() -> "passkey:" + hashes.hash("sign-in-passkey", credentialId));
        return new Subjects(account, addressSubject(clientAddress));
    }

    private String addressSubject(@Nullable String clientAddress) {
        return "address:" + hashes.hash("sign-in-address",
                clientAddress == null ? "" : Devices.limitedAddress(clientAddress));
    }

    /** Returns until when sign-in is blocked for either subject, or empty when it is not. */
    Optional<Instant> blockedUntil(Subjects subjects) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select blocked_until from sign_in_failure
                where subject in (:account, :address) and blocked_until > :now
                order by blocked_until desc fetch first 1 rows only
                """)
                .param("account", subjects.account())
                .param("address", subjects.address())
                .param("now", JdbcTime.param(now))
                .query((row, number) -> JdbcTime.instant(row, "blocked_until"))
                .optional();
    }

    /** Counts a failed sign-in against both subjects; returns until when sign-in is now blocked, if it is. */
    @Transactional
    Optional<Instant> recordFailure(Subjects subjects) {
        Instant now = clock.instant();
        forgetOld(now);
        Instant accountBlock = count(subjects.account(), settings.account(), now);
        Instant addressBlock = count(subjects.address(), settings.address(), now);
        Instant until = later(accountBlock, addressBlock);
        if (until != null) {
            log.info("Sign-in blocked until {} for {} after repeated failures", until, subjects.forLog());
        }
        return Optional.ofNullable(until);
    }

    /** Forgets the account's failures after a successful sign-in. Those of the address stay. */
    @Transactional
    void recordSuccess(Subjects subjects) {
        jdbc.sql("delete from sign_in_failure where subject = :subject")
                .param("subject", subjects.account())
                .update();
    }

    /**
     * Returns until when the account may not try a second-factor code, or empty when it may. Codes are
     * limited per account only, because each guess needs the account's right password first, and
     * the per-account limit already bounds the guesses at that account.
     */
    Optional<Instant> secondFactorBlockedUntil(AccountId account) {
        return jdbc.sql("select blocked_until from sign_in_failure where subject = :subject and blocked_until > :now")
                .param("subject", secondFactorSubject(account))
                .param("now", JdbcTime.param(clock.instant()))
                .query((row, number) -> JdbcTime.instant(row, "blocked_until"))
                .optional();
    }

    /** Counts a wrong second-factor code; returns until when codes are now refused, if they are. */
    @Transactional
    Optional<Instant> recordSecondFactorFailure(AccountId account) {
        Instant now = clock.instant();
        forgetOld(now);
        Instant until = count(secondFactorSubject(account), settings.account(), now);
        if (until != null) {
            log.info("Second-factor codes blocked until {} for account {} after repeated failures", until, account);
        }
        return Optional.ofNullable(until);
    }

    /** Forgets the account's wrong second-factor codes after a right one. */
    @Transactional
    void recordSecondFactorSuccess(AccountId account) {
        jdbc.sql("delete from sign_in_failure where subject = :subject")
                .param("subject", secondFactorSubject(account))
                .update();
    }

    private static String secondFactorSubject(AccountId account) {
        return "second-factor:" + account.value();
    }

    private @Nullable Instant count(String subject, AccountProperties.Limit limit, Instant now) {
        jdbc.sql("""
                insert into sign_in_failure (subject, failures, last_failure_at)
                values (:subject, 0, :now)
                on conflict do nothing
                """)
                .param("subject", subject)
                .param("now", JdbcTime.param(now))
                .update();
        Counted counted = jdbc.sql("select failures, last_failure_at from sign_in_failure where subject = :subject "
                        + "for update")
                .param("subject", subject)
                .query((row, number) -> new Counted(row.getInt("failures"), JdbcTime.instant(row, "last_failure_at")))
                .single();

        boolean forgotten = counted.lastFailureAt() == null
                || counted.lastFailureAt().isBefore(now.minus(settings.forgetAfter()));
        int failures = (forgotten ? 0 : counted.failures()) + 1;
        Duration block = limit.blockAfter(failures);
        Instant blockedUntil = block.isZero() ? null : now.plus(block);
        jdbc.sql("""
                update sign_in_failure set failures = :failures, last_failure_at = :now, blocked_until = :blockedUntil
                where subject = :subject
                """)
                .param("failures", failures)
                .param("now", JdbcTime.param(now))
                .param("blockedUntil", JdbcTime.param(blockedUntil), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("subject", subject)
                .update();
        return blockedUntil;
    }

    private void forgetOld(Instant now) {
        jdbc.sql("""
                delete from sign_in_failure
                where last_failure_at < :cutoff and (blocked_until is null or blocked_until < :now)
                """)
                .param("cutoff", JdbcTime.param(now.minus(settings.forgetAfter())))
                .param("now", JdbcTime.param(now))
                .update();
    }

    private static @Nullable Instant later(@Nullable Instant first, @Nullable Instant second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return first.isAfter(second) ? first : second;
    }

    private record Counted(int failures, @Nullable Instant lastFailureAt) {
    }
}
