package vn.chibo.member;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.MemberDataCipher.Purpose;
import vn.chibo.member.importing.RosterColumn;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data key rotation in the database: rows written under the previous key stay readable and findable
 * by their blind index until the re-encryption rewrites them under the current key.
 */
@SqlTest
@TestPropertySource(properties = { "chibo.crypto.data-key=" + KeyRotationTests.NEW_KEY,
        "chibo.crypto.previous-data-keys=" + KeyRotationTests.OLD_KEY })
class KeyRotationTests {

    static final String OLD_KEY = "khoa-du-lieu-cu-de-thu-xoay-0123456789";
    static final String NEW_KEY = "khoa-du-lieu-moi-de-thu-xoay-0123456789";

    @Autowired
    Members members;

    @Autowired
    MemberDataCipher cipher;

    @Autowired
    MemberDataEncryption encryption;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProfileCorrections corrections;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rowsUnderPreviousKeyRewritten() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Bùi Văn Xoay", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        MemberId untouched = fixtures.member(commune.cell(), "Lý Thị Mới", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        String untouchedPhone = (String) rawRow(untouched).get("phone");
        writeUnderOldKey(id, "79000123", "0912555666", "xoay@example.com");

        assertThat(encryption.countNotUnderCurrentKey()).isEqualTo(1);
        assertThat(members.get(id).partyCardNumber()).isEqualTo("79000123");
        assertThat(members.get(id).phone()).isEqualTo("0912555666");
        assertThat(members.get(id).email()).isEqualTo("xoay@example.com");
        assertThat(members.get(id).birthDate()).isEqualTo(LocalDate.of(1966, 9, 2));
        assertThat(members.cardTaken(commune.cell().id(), "79000123", null)).isTrue();
        assertThat(members.cardTaken(commune.cell().id(), "79000123", id)).isFalse();

        assertThat(encryption.encryptAll()).isEqualTo(1);

        Map<String, Object> raw = rawRow(id);
        String currentPrefix = cipher.currentPrefix();
        assertThat((String) raw.get("party_card_number")).startsWith(currentPrefix);
        assertThat((String) raw.get("phone")).startsWith(currentPrefix);
        assertThat((String) raw.get("email")).startsWith(currentPrefix);
        assertThat((String) raw.get("birth_date_sealed")).startsWith(currentPrefix);
        assertThat(members.get(id).birthDate()).isEqualTo(LocalDate.of(1966, 9, 2));
        assertThat(raw.get("party_card_lookup")).isEqualTo(cipher.blindIndex(Purpose.PARTY_CARD, "79000123"));
        assertThat(raw.get("phone_lookup")).isEqualTo(cipher.blindIndex(Purpose.PHONE, "0912555666"));
        assertThat(members.get(id).partyCardNumber()).isEqualTo("79000123");
        assertThat(members.cardTaken(commune.cell().id(), "79000123", null)).isTrue();
        assertThat(encryption.countNotUnderCurrentKey()).isZero();
        assertThat(encryption.encryptAll()).isZero();
        assertThat(rawRow(untouched).get("phone")).isEqualTo(untouchedPhone);
    }

    @Test
    void correctionsUnderPreviousKeyRewritten() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId id = fixtures.member(commune.cell(), "Hà Văn Đổi", MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE);
        Actor member = fixtures.account(commune.cell(), id, Role.MEMBER);
        long correction = corrections.request(member, RosterColumn.PHONE, "0912777888", "Đổi số");
        jdbc.sql("update profile_correction set requested_value = :value where id = :id")
                .param("value", oldCipher().encrypt(Purpose.CORRECTION, "0912777888"))
                .param("id", correction)
                .update();
        assertThat(encryption.countNotUnderCurrentKey()).isEqualTo(1);

        assertThat(encryption.encryptCorrections()).isEqualTo(1);

        String stored = jdbc.sql("select requested_value from profile_correction where id = :id")
                .param("id", correction).query(String.class).single();
        assertThat(stored).startsWith(cipher.currentPrefix());
        assertThat(corrections.of(member, id).getFirst().requestedValue()).isEqualTo("0912777888");
        assertThat(encryption.countNotUnderCurrentKey()).isZero();
    }

    @Test
    void blindIndexesCoverEveryKey() {
        MemberDataCipher oldOnly = oldCipher();

        List<String> indexes = cipher.blindIndexes(Purpose.PHONE, "0912555666");

        assertThat(indexes).containsExactly(cipher.blindIndex(Purpose.PHONE, "0912555666"),
                oldOnly.blindIndex(Purpose.PHONE, "0912555666"));
        assertThat(cipher.previousKeyIds()).hasSize(1);
        assertThat(oldOnly.currentPrefix()).isEqualTo("v1:" + cipher.previousKeyIds().getFirst() + ":");
    }

    /** Stores the values as a node still on the previous key would have written them. */
    private void writeUnderOldKey(MemberId id, String card, String phone, String email) {
        MemberDataCipher old = oldCipher();
        jdbc.sql("""
                update member set party_card_number = :card, party_card_lookup = :cardLookup, phone = :phone,
                                  phone_lookup = :phoneLookup, email = :email, birth_date_sealed = :birthDate
                where id = :id
                """)
                .param("card", old.encrypt(Purpose.PARTY_CARD, card))
                .param("cardLookup", old.blindIndex(Purpose.PARTY_CARD, card))
                .param("phone", old.encrypt(Purpose.PHONE, phone))
                .param("phoneLookup", old.blindIndex(Purpose.PHONE, phone))
                .param("email", old.encrypt(Purpose.EMAIL, email))
                .param("birthDate", old.encrypt(Purpose.BIRTH_DATE, "1966-09-02"))
                .param("id", id.value())
                .update();
    }

    private static MemberDataCipher oldCipher() {
        return new MemberDataCipher(new MemberCryptoProperties(OLD_KEY, Path.of("target", "unused-key"), List.of()));
    }

    private Map<String, Object> rawRow(MemberId id) {
        return jdbc.sql("select * from member where id = :id").param("id", id.value()).query().singleRow();
    }
}
