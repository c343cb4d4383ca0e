package vn.chibo.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.chibo.member.MemberDataCipher.Purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberDataCipherTests {

    private static final String OLD_KEY = "khoa-cu-de-thu-nghiem-0123456789abcdef";
    private static final String NEW_KEY = "khoa-moi-de-thu-nghiem-0123456789abcdef";

    @TempDir
    Path folder;

    @Test
    void valuesEncryptedWithFreshNonce() {
        MemberDataCipher cipher = cipher(NEW_KEY);

        String first = cipher.encrypt(Purpose.PHONE, "0912104729");
        String second = cipher.encrypt(Purpose.PHONE, "0912104729");

        assertThat(first).startsWith("v1:").doesNotContain("0912104729").isNotEqualTo(second);
        assertThat(cipher.decrypt(Purpose.PHONE, first)).isEqualTo("0912104729");
        assertThat(cipher.blindIndex(Purpose.PHONE, "0912104729"))
                .isEqualTo(cipher.blindIndex(Purpose.PHONE, "0912104729"))
                .isNotEqualTo(cipher.blindIndex(Purpose.PARTY_CARD, "0912104729"));
        assertThat(cipher.needsRewrite(first)).isFalse();
        assertThat(cipher.needsRewrite("0912104729")).isTrue();
        assertThat(cipher.decrypt(Purpose.PHONE, "0912104729")).isEqualTo("0912104729");
        assertThat(cipher.encrypt(Purpose.PHONE, null)).isNull();
    }

    @Test
    void ciphertextBoundToItsColumn() {
        MemberDataCipher cipher = cipher(NEW_KEY);
        String phone = cipher.encrypt(Purpose.PHONE, "0912104729");

        assertThatThrownBy(() -> cipher.decrypt(Purpose.PARTY_CARD, phone))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("0912104729");
    }

    @Test
    void reusedCiphersKeepValuesApart() throws Exception {
        MemberDataCipher cipher = cipher(NEW_KEY);
        String phone = cipher.encrypt(Purpose.PHONE, "0912104729");
        assertThatThrownBy(() -> cipher.decrypt(Purpose.PARTY_CARD, phone)).isInstanceOf(IllegalStateException.class);

        List<Callable<Boolean>> roundTrips = new ArrayList<>();
        for (int index = 0; index < 400; index++) {
            String value = "Đảng viên số " + index;
            Purpose purpose = Purpose.values()[index % 4];
            roundTrips.add(() -> value.equals(cipher.decrypt(purpose, cipher.encrypt(purpose, value))));
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> result : threads.invokeAll(roundTrips)) {
                assertThat(result.get()).isTrue();
            }
        }
        assertThat(cipher.decrypt(Purpose.PHONE, phone)).isEqualTo("0912104729");
    }

    @Test
    void previousKeyStillReadsAfterRotation() {
        String underOldKey = cipher(OLD_KEY).encrypt(Purpose.PARTY_CARD, "01234567");
        var rotated = new MemberDataCipher(new MemberCryptoProperties(NEW_KEY, folder.resolve("unused"),
                List.of(OLD_KEY)));

        assertThat(rotated.decrypt(Purpose.PARTY_CARD, underOldKey)).isEqualTo("01234567");
        assertThat(rotated.needsRewrite(underOldKey)).isTrue();
        assertThatThrownBy(() -> cipher(NEW_KEY).decrypt(Purpose.PARTY_CARD, underOldKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("previous-data-keys");
    }

    @Test
    void generatedKeyKeptInFile() throws Exception {
        Path file = folder.resolve("data").resolve("data-key");

        String stored = new MemberDataCipher(new MemberCryptoProperties(null, file, List.of()))
                .encrypt(Purpose.PHONE, "0912104729");
        var again = new MemberDataCipher(new MemberCryptoProperties("", file, List.of()));

        assertThat(Files.readString(file)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(again.decrypt(Purpose.PHONE, stored)).isEqualTo("0912104729");
        assertThatThrownBy(() -> new MemberDataCipher(new MemberCryptoProperties("too-short", file, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHIBO_DATA_KEY");
    }

    private MemberDataCipher cipher(String key) {
        return new MemberDataCipher(new MemberCryptoProperties(key, folder.resolve("unused"), List.of()));
    }
}
