package vn.chibo.voting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipt codes derived from a digest: the first 130 bits, five to a character of Crockford's base 32. */
class ReceiptDigestTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0000000000000000000000000000000000000000000000000000000000000000, 00000000000000000000000000",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, ZZZZZZZZZZZZZZZZZZZZZZZZZZ",
        // 00001 00010 00011 00100 00101: the first five characters count up from 1.
        "0886428000000000000000000000000000000000000000000000000000000000, 12345000000000000000000000",
        // Bit 129, the last one used, is the last character's lowest bit.
        "0000000000000000000000000000000040000000000000000000000000000000, 00000000000000000000000001",
        // Bits past the first 130 do not change the code.
        "00000000000000000000000000000000003fffffffffffffffffffffffffffff, 00000000000000000000000000" })
    void codeIsTheFirst130BitsOfTheDigest(String digest, String code) {
        assertThat(ReceiptCode.fromDigest(digest).value()).isEqualTo(code);
    }
}
