package vn.chibo.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.FieldEncryption;

/**
 * Encrypts at start-up, under the current data key, the TOTP secrets still stored under a previous
 * key, as the member module does for card and phone numbers, so that an old key can be dropped after
 * one start. Each row is updated only if it still contains the value read, so that an enrolment in
 * between loses nothing.
 */
@Component
class SecondFactorEncryption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecondFactorEncryption.class);

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;

    SecondFactorEncryption(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    private record StoredRow(long accountId, String secret) {
    }

    @Override
    public void run(ApplicationArguments arguments) {
        // One row per enrolled account: few enough to read at once.
        List<StoredRow> rows = jdbc.sql("select account_id, secret from account_totp")
                .query((row, number) -> new StoredRow(row.getLong("account_id"), row.getString("secret")))
                .list();
        int rewritten = 0;
        for (StoredRow row : rows) {
            if (!encryption.needsRewrite(row.secret())) {
                continue;
            }
            String plain = encryption.decrypt(SecondFactorStore.PURPOSE, row.secret());
            rewritten += jdbc.sql("update account_totp set secret = :secret where account_id = :account and secret = :old")
                    .param("secret", encryption.encrypt(SecondFactorStore.PURPOSE, plain))
                    .param("account", row.accountId())
                    .param("old", row.secret())
                    .update();
        }
        if (rewritten > 0) {
            log.info("Encrypted the TOTP secrets of {} accounts under the current data key", rewritten);
        }
    }
}
