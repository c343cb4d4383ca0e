package vn.chibo.account;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.system.InvalidInputException;
import vn.chibo.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTests {

    static final PasswordRules RULES = new PasswordRules();

    /** A member whose user name is one phone number and whose profile contains another. */
    static final PasswordRules.Owner THANG = new PasswordRules.Owner("0912104729", "Nguyễn Văn Thắng",
            Set.of("0983555777")::contains);

    /** The administrator: a user name that is no phone number, and a name with a two-letter family name. */
    static final PasswordRules.Owner ADMIN = new PasswordRules.Owner("quantri", "Lê Thanh Tùng", national -> false);

    /** Each row: the password, whose it is, and the rule it breaks (empty when it passes every rule). */
    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ruộng lúa thôn em xanh     | THANG | -
            đi-chợ-sáng-thứ-bảy        | ADMIN | -
            Le-phai-di-hop-chi-bo       | ADMIN | -
            9 chữ số!                  | THANG | tooShort
            abcdefghi                  | THANG | tooShort
            ắắắắắắắắắ                  | THANG | tooShort
            matkhau123                 | THANG | common
            Mật Khẩu 123               | THANG | common
            MATKHAU2024                | ADMIN | common
            anhyeuem123                | THANG | common
            Anh yêu em 2000            | THANG | common
            123456789@                 | THANG | common
            1234567890                 | THANG | common
            qwertyuiop                 | THANG | common
            1qaz2wsx3edc               | THANG | common
            !@#$%^&*()                 | THANG | common
            0000000000                 | THANG | common
            15/08/1975                 | ADMIN | common
            password123                | ADMIN | common
            iloveyou2024               | ADMIN | common
            thắng-ruộng-lúa            | THANG | containsName
            THANG-ruong-lua            | THANG | containsName
            nha-ong-nguyen-o-dau       | THANG | containsName
            ruong-lua-tung-lam         | ADMIN | containsName
            toi-la-quantri-day         | ADMIN | containsName
            ruong-lua-0912104729       | THANG | containsPhone
            ruong-lua-912104729        | THANG | containsPhone
            lua+84 912 104 729         | THANG | containsPhone
            ruong-0912.104.729         | THANG | containsPhone
            lúa-chín-0983555777        | THANG | containsPhone
            lúa-chín-983555777         | THANG | containsPhone
            lúa-chín-0983555778        | THANG | -
            """)
    void checksEveryRule(String password, String owner, @Nullable String rule) {
        PasswordRules.Owner whose = owner.equals("THANG") ? THANG : ADMIN;

        if (rule == null) {
            assertThat(RULES.accepts(password, whose)).isTrue();
        }
        else {
            assertThatThrownBy(() -> RULES.check(password, whose))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("account.password.error." + rule);
        }
    }

    @Test
    void lengthCountsCodePoints() {
        String decomposed = "a\u0306\u0301".repeat(10);

        assertThat(PasswordRules.lengthOf(decomposed)).isEqualTo(10);
        assertThat(PasswordRules.lengthOf("😀".repeat(10))).isEqualTo(10);
        assertThat(RULES.accepts("😀".repeat(10), ADMIN)).isTrue();
    }

    @Test
    void rejectsOver128Characters() {
        String longest = "ruộng lúa xanh ".repeat(9).substring(0, 128);

        assertThat(RULES.accepts(longest, THANG)).isTrue();
        assertThatThrownBy(() -> RULES.check(longest + "x", THANG))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("account.password.error.tooLong");
    }

    @Test
    void namesTheMinimumInTheMessage() {
        assertThatThrownBy(() -> RULES.check("ngắn", THANG))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        rejected -> assertThat(rejected.messageArguments()).containsExactly(10));
    }

    @Test
    void skipsNamePartsUnderThreeLetters() {
        assertThat(PasswordRules.nameParts(ADMIN)).containsExactly("thanh", "tung", "quantri");
        assertThat(PasswordRules.nameParts(THANG)).containsExactly("nguyen", "thang");
    }

    /**
     * Each row: a name from the sample village roster, a password, and whether the name rule rejects
     * it. "Văn" and "Thị" in the middle of a name are exempt; the family name, the given name and
     * any other middle name are not.
     */
    @ParameterizedTest(name = "{1} of {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Nguyễn Văn Thắng    | Vanguard-ruộng-lúa     | accepted
            Nguyễn Văn Thắng    | văn-nghệ-xóm-đông      | accepted
            Nguyễn Văn Thắng    | Thắng-lợi-mùa-vàng     | containsName
            Nguyễn Văn Thắng    | họ-nguyễn-xóm-đông     | containsName
            Trần Thị Hường      | thi-đua-yêu-nước-2025  | accepted
            Trần Thị Hường      | hương-lúa-chín-vàng    | containsName
            Trần Thị Hường      | trần-nhà-mới-sơn       | containsName
            Lê Văn Ân           | vanguard-đồng-xanh     | accepted
            Lê Văn Ân           | lê-phải-đi-họp-chi-bộ  | accepted
            Phạm Thị Ánh        | thị-trấn-minh-an       | accepted
            Phạm Thị Ánh        | phạm-vi-xóm-giữa       | containsName
            Nguyễn Thị Ngọc Hà  | thi-đua-mùa-gặt        | accepted
            Nguyễn Thị Ngọc Hà  | ngọc-trai-biển-xanh    | containsName
            Nguyễn Hữu Hải      | hữu-nghị-việt-lào      | containsName
            Nguyễn Hữu Hải      | hải-đăng-cửa-biển      | containsName
            Lê Quốc Long        | quốc-ca-việt-nam       | containsName
            Đinh Thị Ỷ Lan      | thị-xã-bên-sông        | accepted
            Đinh Thị Ỷ Lan      | lan-man-ruộng-đồng     | containsName
            Đinh Thị Ỷ Lan      | đinh-ốc-xe-đạp-cũ      | containsName
            """)
    void exemptsCommonMiddleNames(String name, String password, String outcome) {
        var owner = new PasswordRules.Owner(Fixtures.phone(), name, national -> false);

        if (outcome.equals("accepted")) {
            assertThat(RULES.accepts(password, owner)).isTrue();
        }
        else {
            assertThatThrownBy(() -> RULES.check(password, owner))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("account.password.error." + outcome);
        }
    }

    @Test
    void keepsMarkerAsFamilyOrGivenName() {
        var familyVan = new PasswordRules.Owner("quantri", "Văn Thị Hoa", national -> false);
        var givenThi = new PasswordRules.Owner("quantri", "Lò Văn Thi", national -> false);

        assertThat(PasswordRules.nameParts(familyVan)).containsExactly("van", "hoa", "quantri");
        assertThat(PasswordRules.nameParts(givenThi)).containsExactly("thi", "quantri");
    }

    @Test
    void listHasThousandsOfEntries() {
        assertThat(RULES.size()).isGreaterThan(5_000);
    }

    @Test
    void initialPasswordsPassTheRules() {
        var initial = new InitialPasswords();

        for (int draw = 0; draw < 200; draw++) {
            String password = initial.next(candidate -> RULES.accepts(candidate, THANG));
            assertThat(password).hasSize(10);
            assertThat(RULES.accepts(password, THANG)).isTrue();
        }
    }
}
