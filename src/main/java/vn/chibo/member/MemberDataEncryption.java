package vn.chibo.member;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.member.MemberDataCipher.Purpose;

/**
 * Encrypts at start-up the party card and phone numbers, e-mail addresses and dates of birth still stored in plain text (rows written
 * before encryption existed) or under a previous key, and sets their blind indexes under the current key.
 * This is the re-encryption step of a key rotation (docs/key-rotation.md): it logs the progress per
 * batch and, at the end, whether any row is left under a previous key. It runs at
 * start-up rather than in a Flyway migration because it needs the configured key. Reading tolerates
 * plain values meanwhile, and each row is updated only if it still contains the values read, so that
 * several nodes starting at once, or a change made in between, lose nothing.
 */
@Component
class MemberDataEncryption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MemberDataEncryption.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final MemberDataCipher cipher;
    private final TransactionTemplate transactions;

    MemberDataEncryption(JdbcClient jdbc, MemberDataCipher cipher, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    private record StoredRow(long id, @Nullable String card, @Nullable String phone, @Nullable String email,
            @Nullable LocalDate birthDate, @Nullable String birthDateSealed) {

        /** Returns whether the row contains a date of birth in plain text or under a previous key. */
        boolean birthDateNeedsRewrite(MemberDataCipher cipher) {
            return birthDate != null || cipher.needsRewrite(birthDateSealed);
        }
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> previous = cipher.previousKeyIds();
        if (!previous.isEmpty()) {
            log.info("Key rotation: re-encrypting member identifiers still under previous data keys {}", previous);
        }
        int rewritten = encryptAll();
        int corrections = encryptCorrections();
        if (corrections > 0) {
            log.info("Encrypted {} requested profile corrections under the current data key", corrections);
        }
        if (rewritten > 0) {
            log.info("Encrypted the card and phone numbers, e-mail addresses and dates of birth of {} members under the "
                    + "current data key", rewritten);
        }
        if (!previous.isEmpty()) {
            long remaining = countNotUnderCurrentKey();
            if (remaining == 0) {
                log.info("Key rotation done: no member row is encrypted under previous data keys {}; they may now "
                        + "be removed from chibo.crypto.previous-data-keys", previous);
            }
            else {
                log.warn("Key rotation incomplete: {} rows still hold values outside the current data key; "
                        + "keep chibo.crypto.previous-data-keys and restart", remaining);
            }
        }
    }

    /**
     * Encrypts every row that needs it in batches of {@value #BATCH}, logging the progress after each
     * batch; returns how many rows were written.
     */
    int encryptAll() {
        int rewritten = 0;
        int batches = 0;
        long after = 0;
        while (true) {
            // Only rows with a value outside the current key are read, so that a start after the
            // encryption is done reads none instead of every member.
            List<StoredRow> batch = jdbc.sql("""
                    select id, party_card_number, phone, email, birth_date, birth_date_sealed from member
                    where id > :after
                      and (party_card_number not like :current or phone not like :current
                           or email not like :current or birth_date is not null
                           or birth_date_sealed not like :current)
                    order by id fetch first %d rows only
                    """.formatted(BATCH))
                    .param("after", after)
                    .param("current", cipher.currentPrefix() + "%")
                    .query((row, number) -> new StoredRow(row.getLong("id"), row.getString("party_card_number"),
                            row.getString("phone"), row.getString("email"), row.getObject("birth_date", LocalDate.class),
                            row.getString("birth_date_sealed")))
                    .list();
            if (batch.isEmpty()) {
                return rewritten;
            }
            for (StoredRow row : batch) {
                if (cipher.needsRewrite(row.card()) || cipher.needsRewrite(row.phone())
                        || cipher.needsRewrite(row.email()) || row.birthDateNeedsRewrite(cipher)) {
                    Integer written = transactions.execute(status -> rewrite(row));
                    rewritten += written == null ? 0 : written;
                }
            }
            after = batch.getLast().id();
            batches++;
            log.info("Member identifier encryption: batch {} done, {} rows rewritten so far, up to member {}", batches,
                    rewritten, after);
        }
    }

    /**
     * Encrypts again under the current key the values of profile correction requests that are under a
     * previous key, in batches; returns how many were written.
     */
    int encryptCorrections() {
        int rewritten = 0;
        long after = 0;
        while (true) {
            List<StoredValue> batch = jdbc.sql("""
                    select id, requested_value from profile_correction
                    where id > :after and requested_value not like :current
                    order by id fetch first %d rows only
                    """.formatted(BATCH))
                    .param("after", after)
                    .param("current", cipher.currentPrefix() + "%")
                    .query((row, number) -> new StoredValue(row.getLong("id"), row.getString("requested_value")))
                    .list();
            if (batch.isEmpty()) {
                return rewritten;
            }
            for (StoredValue row : batch) {
                String plain = cipher.decrypt(Purpose.CORRECTION, row.value());
                rewritten += jdbc.sql("""
                        update profile_correction set requested_value = :value where id = :id and requested_value = :old
                        """)
                        .param("value", cipher.encrypt(Purpose.CORRECTION, plain))
                        .param("id", row.id())
                        .param("old", row.value())
                        .update();
            }
            after = batch.getLast().id();
        }
    }

    private record StoredValue(long id, String value) {
    }

    /**
     * Returns how many rows still hold a value outside the current key: member rows with a card
     * number, phone number, e-mail address or date of birth, and profile correction requests.
     */
    long countNotUnderCurrentKey() {
        return jdbc.sql("""
                select count(*) from member
                where party_card_number not like :current or phone not like :current or email not like :current
                   or birth_date is not null or birth_date_sealed not like :current
                """)
                .param("current", cipher.currentPrefix() + "%")
                .query(Long.class)
                .single()
                + jdbc.sql("select count(*) from profile_correction where requested_value not like :current")
                        .param("current", cipher.currentPrefix() + "%")
                        .query(Long.class)
                        .single();
    }

    private int rewrite(StoredRow row) {
        String card = decrypt(Purpose.PARTY_CARD, row.card(), row.id());
        String phone = decrypt(Purpose.PHONE, row.phone(), row.id());
        String email = decrypt(Purpose.EMAIL, row.email(), row.id());
        String birthDate = row.birthDateSealed() != null ? decrypt(Purpose.BIRTH_DATE, row.birthDateSealed(), row.id())
                : row.birthDate() == null ? null : row.birthDate().toString();
        return jdbc.sql("""
                update member set party_card_number = :card, party_card_lookup = :cardLookup, phone = :phone,
                                  phone_lookup = :phoneLookup, email = :email, birth_date = null,
                                  birth_date_sealed = :birthDateSealed
                where id = :id and (party_card_number = :oldCard or party_card_number is null and :oldCard is null)
                      and (phone = :oldPhone or phone is null and :oldPhone is null)
                      and (email = :oldEmail or email is null and :oldEmail is null)
                      and (birth_date = :oldBirthDate or birth_date is null and :oldBirthDate is null)
                      and (birth_date_sealed = :oldBirthDateSealed
                           or birth_date_sealed is null and :oldBirthDateSealed is null)
                """)
                .param("card", cipher.encrypt(Purpose.PARTY_CARD, card))
                .param("cardLookup", cipher.blindIndex(Purpose.PARTY_CARD, card))
                .param("phone", cipher.encrypt(Purpose.PHONE, phone))
                .param("phoneLookup", cipher.blindIndex(Purpose.PHONE, phone))
                .param("email", cipher.encrypt(Purpose.EMAIL, email))
                .param("birthDateSealed", cipher.encrypt(Purpose.BIRTH_DATE, birthDate))
                .param("id", row.id())
                .param("oldCard", row.card(), java.sql.Types.VARCHAR)
                .param("oldPhone", row.phone(), java.sql.Types.VARCHAR)
                .param("oldEmail", row.email(), java.sql.Types.VARCHAR)
                .param("oldBirthDate", row.birthDate(), java.sql.Types.DATE)
                .param("oldBirthDateSealed", row.birthDateSealed(), java.sql.Types.VARCHAR)
                .update();
    }

    private @Nullable String decrypt(Purpose purpose, @Nullable String stored, long memberId) {
        try {
            return cipher.decrypt(purpose, stored);
        }
        catch (IllegalStateException unreadable) {
            log.error("Member {}: the stored {} cannot be decrypted with the configured keys", memberId, purpose);
            throw unreadable;
        }
    }
}
