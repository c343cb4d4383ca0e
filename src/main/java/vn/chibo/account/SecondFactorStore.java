package vn.chibo.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.FieldEncryption;
import vn.chibo.system.JdbcTime;

/**
 * The rows of the second factor: an account's TOTP secret, encrypted under the data key, and the keyed
 * hashes of its recovery codes. Nothing here decides; {@link SecondFactors} does.
 */
@Component
class SecondFactorStore {

    /** The purpose under which secrets are encrypted, authenticated with each ciphertext. */
    static final String PURPOSE = "TOTP_SECRET";

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final LookupHashes hashes;
    private final Clock clock;

    SecondFactorStore(JdbcClient jdbc, FieldEncryption encryption, LookupHashes hashes, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.hashes = hashes;
        this.clock = clock;
    }

    /**
     * An account's TOTP secret.
     *
     * @param confirmed whether the app proved it has the secret, which turns the second factor on
     * @param demo whether the secret is a demo secret printed in the README
     */
    record StoredSecret(byte[] secret, boolean confirmed, boolean demo) {
    }

    Optional<StoredSecret> find(AccountId account) {
        return jdbc.sql("select secret, confirmed_at, demo from account_totp where account_id = :account")
                .param("account", account.value())
                .query((row, number) -> new StoredSecret(
                        Totp.fromBase32(encryption.decrypt(PURPOSE, row.getString("secret"))),
                        JdbcTime.instant(row, "confirmed_at") != null, row.getBoolean("demo")))
                .optional();
    }

    boolean isConfirmed(AccountId account) {
        return jdbc.sql("select count(*) from account_totp where account_id = :account and confirmed_at is not null")
                .param("account", account.value())
                .query(Long.class)
                .single() > 0;
    }

    /** Stores a secret that waits for its first code, replacing any unconfirmed one. */
    void savePending(AccountId account, byte[] secret) {
        delete(account);
        insert(account, secret, null, false);
    }

    /** Stores a secret that is confirmed at once, for demo accounts and fixtures whose secret is known. */
    void saveConfirmed(AccountId account, byte[] secret, boolean demo) {
        delete(account);
        insert(account, secret, clock.instant(), demo);
    }

    /** Turns the second factor on, and records the step of the code that confirmed it. */
    void confirm(AccountId account, long step) {
        jdbc.sql("update account_totp set confirmed_at = :now, last_used_step = :step where account_id = :account")
                .param("now", JdbcTime.param(clock.instant()))
                .param("step", step)
                .param("account", account.value())
                .update();
    }

    /**
     * Records that a code of the step was used. Returns false when a code of this step or a later one
     * was used already, which makes the code a replay. The condition and the update are one
     * statement, so that two requests with the same code cannot both pass.
     */
    boolean useStep(AccountId account, long step) {
        return jdbc.sql("""
                update account_totp set last_used_step = :step
                where account_id = :account and confirmed_at is not null
                  and (last_used_step is null or last_used_step < :step)
                """)
                .param("step", step)
                .param("account", account.value())
                .update() == 1;
    }

    void delete(AccountId account) {
        jdbc.sql("delete from account_totp where account_id = :account").param("account", account.value()).update();
        deleteRecoveryCodes(account);
    }

    /** Replaces the account's recovery codes by the given ones, of which only keyed hashes are stored. */
    void replaceRecoveryCodes(AccountId account, Collection<String> normalizedCodes) {
        deleteRecoveryCodes(account);
        Instant now = clock.instant();
        for (String code : normalizedCodes) {
            jdbc.sql("""
                    insert into recovery_code (account_id, code_hash, created_at)
                    values (:account, :hash, :now)
                    """)
                    .param("account", account.value())
                    .param("hash", recoveryHash(code))
                    .param("now", JdbcTime.param(now))
                    .update();
        }
    }

    /** Marks an unused recovery code as used; returns false when the account has no such unused code. */
    boolean useRecoveryCode(AccountId account, String normalizedCode) {
        return jdbc.sql("""
                update recovery_code set used_at = :now
                where account_id = :account and code_hash = :hash and used_at is null
                """)
                .param("now", JdbcTime.param(clock.instant()))
                .param("account", account.value())
                .param("hash", recoveryHash(normalizedCode))
                .update() == 1;
    }

    int recoveryCodesLeft(AccountId account) {
        return jdbc.sql("select count(*) from recovery_code where account_id = :account and used_at is null")
                .param("account", account.value())
                .query(Long.class)
                .single()
                .intValue();
    }

    private void deleteRecoveryCodes(AccountId account) {
        jdbc.sql("delete from recovery_code where account_id = :account").param("account", account.value()).update();
    }

    private void insert(AccountId account, byte[] secret, @Nullable Instant confirmedAt, boolean demo) {
        jdbc.sql("""
                insert into account_totp (account_id, secret, created_at, confirmed_at, demo)
                values (:account, :secret, :now, :confirmedAt, :demo)
                """)
                .param("account", account.value())
                .param("secret", encryption.encrypt(PURPOSE, Totp.base32(secret)))
                .param("now", JdbcTime.param(clock.instant()))
                .param("confirmedAt", JdbcTime.param(confirmedAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("demo", demo)
                .update();
    }

    private String recoveryHash(String normalizedCode) {
        return hashes.hash("recovery-code", normalizedCode);
    }
}
