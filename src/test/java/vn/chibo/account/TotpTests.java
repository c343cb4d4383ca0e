package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TOTP algorithm against the test vectors of RFC 6238, appendix B, and its encoding for apps. */
class TotpTests {

    /** The seeds of RFC 6238, appendix B: ASCII digits repeated to the length of each hash. */
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s with {1}")
    @CsvSource({
        "59, HmacSHA1, 94287082",
        "59, HmacSHA256, 46119246",
        "59, HmacSHA512, 90693936",
        "1111111109, HmacSHA1, 07081804",
        "1111111109, HmacSHA256, 68084774",
        "1111111109, HmacSHA512, 25091201",
        "1111111111, HmacSHA1, 14050471",
        "1111111111, HmacSHA256, 67062674",
        "1111111111, HmacSHA512, 99943326",
        "1234567890, HmacSHA1, 89005924",
        "1234567890, HmacSHA256, 91819424",
        "1234567890, HmacSHA512, 93441116",
        "2000000000, HmacSHA1, 69279037",
        "2000000000, HmacSHA256, 90698825",
        "2000000000, HmacSHA512, 38618901",
        "20000000000, HmacSHA1, 65353130",
        "20000000000, HmacSHA256, 77737706",
        "20000000000, HmacSHA512, 47863826" })
    void matchesRfc6238Vectors(long unixSeconds, String algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case "HmacSHA1" -> SEED_SHA1;
            case "HmacSHA256" -> SEED_SHA256;
            default -> SEED_SHA512;
        };
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.code(seed, step, 8, algorithm)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodeIsLastDigitsOfVector() {
        // With 6 digits the same truncated value is taken modulo 10^6: 94287082 becomes 287082.
        assertThat(Totp.code(SEED_SHA1, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepOfDriftEachWay() {
        long now = 1_000_000L;

        assertThat(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now - 1), now)).isEqualTo(OptionalLong.of(now - 1));
        assertThat(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now), now)).isEqualTo(OptionalLong.of(now));
        assertThat(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now + 1), now)).isEqualTo(OptionalLong.of(now + 1));
    }

    @Test
    void rejectsCodeTwoStepsAway() {
        long now = 1_000_000L;

        assertThat(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now + 2), now)).isEmpty();
    }

    @Test
    void stepsAreThirtySecondsFromEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
    }

    @Test
    void base32RoundTripsWithoutPadding() {
        String text = Totp.base32(SEED_SHA1);

        assertThat(text).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(SEED_SHA1);
    }

    @Test
    void rejectsSecretThatIsNotBase32() {
        assertThatThrownBy(() -> Totp.fromBase32("not base32!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otpauthUriNamesIssuerAndParameters() {
        String uri = Totp.otpauthUri("Chi bộ số", "0912104729", "GEZDGNBVGY3TQOJQ");

        assertThat(uri).isEqualTo("otpauth://totp/Chi%20b%E1%BB%99%20s%E1%BB%91:0912104729?secret=GEZDGNBVGY3TQOJQ"
                + "&issuer=Chi%20b%E1%BB%99%20s%E1%BB%91&algorithm=SHA1&digits=6&period=30");
    }
}
