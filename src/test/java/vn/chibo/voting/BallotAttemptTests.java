package vn.chibo.voting;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The attempt of a secret ballot's form, and the receipt codes derived from digests. */
class BallotAttemptTests {

    @Test
    void generatedAttemptsReadBackAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            BallotAttempt attempt = BallotAttempt.generate();
            assertThat(BallotAttempt.parse(attempt.value())).isEqualTo(attempt);
            seen.add(attempt.value());
        }

        assertThat(seen).hasSize(1000);
        assertThat(BallotAttempt.generate().toString()).isEqualTo("BallotAttempt[hidden]");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "q3Vd0mYw6F0dC4n5oVhLx", "q3Vd0mYw6F0dC4n5oVhLxAB", "q3Vd0mYw6F0dC4n5oVhL+A",
        "q3Vd0mYw6F0dC4n5oVhL A", "q3Vd0mYw6F0dC4n5oVhLx=", "<script>alert(1)</script>" })
    void anythingElseReadsAsNoAttempt(String text) {
        assertThat(BallotAttempt.parse(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0000000000000000000000000000000000000000000000000000000000000000, 00000000000000000000000000",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, ZZZZZZZZZZZZZZZZZZZZZZZZZZ",
        // 00001 00010 00011 00100 ... : the first 5-bit groups count up from 1.
        "0886428000000000000000000000000000000000000000000000000000000000, 12345000000000000000000000",
        // Bit 129, the last one used, is the last character's lowest bit.
        "0000000000000000000000000000000040000000000000000000000000000000, 00000000000000000000000001",
        // Bits past the first 130 do not change the code.
        "00000000000000000000000000000000003fffffffffffffffffffffffffffff, 00000000000000000000000000" })
    void codeIsTheFirst130BitsOfTheDigest(String digest, String code) {
        assertThat(ReceiptCode.fromDigest(digest).value()).isEqualTo(code);
    }
}
