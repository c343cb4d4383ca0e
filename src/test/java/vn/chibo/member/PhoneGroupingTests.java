package vn.chibo.member;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Phone numbers in the CSV export, grouped so that spreadsheet programs keep their leading 0. */
class PhoneGroupingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0912418916  | 0912 418 916",
            "02383861234 | 0238 3861 234",
            "01234       | 0123 4",
            "0123        | 0123",
            "912418916   | 912418916",
            "''          | ''",
            "+84912418916 | +84912418916" })
    void groupsNumbersWithLeadingZero(String stored, String written) {
        assertThat(RosterExport.grouped(stored)).isEqualTo(written);
    }
}
