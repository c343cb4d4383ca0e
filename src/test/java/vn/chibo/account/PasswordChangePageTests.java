package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The password page names the rule a rejected password breaks, in the account's language. */
@SqlTest
@AutoConfigureMockMvc
class PasswordChangePageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @ParameterizedTest(name = "{1} in {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0917400001 | ngắn quá         | vi | Mật khẩu mới quá ngắn: cần ít nhất 10 ký tự.
            0917400002 | Mật Khẩu 123     | vi | Mật khẩu mới nằm trong danh sách mật khẩu phổ biến
            0917400003 | thắng-ruộng-lúa  | vi | không được chứa họ, tên đệm, tên hoặc tên đăng nhập
            0917400004 | lúa-917400004    | vi | không được chứa số điện thoại của đồng chí
            0917400005 | matkhau2024      | en | The new password is on the list of common passwords
            0917400006 | ruong-lua-thang  | en | must not contain your family, middle or given name
            0917400007 | 123456789@       | de | Das neue Passwort steht auf der Liste verbreiteter Passwörter
            0917400008 | 0917400008-lua   | de | Das neue Passwort darf Ihre Telefonnummer nicht enthalten
            """)
    void namesBrokenRule(String phone, String password, String language, String message) throws Exception {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ mật khẩu", null);
        accounts.create(phone, "mat-khau-dai", "Nguyễn Văn Thắng", null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
        MockHttpSession session = SignIn.as(mvc, phone, "mat-khau-dai");

        byte[] page = mvc.perform(post("/account/password").param("lang", language).session(session).with(csrf())
                        .param("currentPassword", "mat-khau-dai")
                        .param("newPassword", password)
                        .param("confirmation", password))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(page, StandardCharsets.UTF_8)).contains(message).doesNotContain(password);
        SignIn.as(mvc, phone, "mat-khau-dai");
    }
}
