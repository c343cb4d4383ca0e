package vn.chibo.account;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

@SqlTest
@AutoConfigureMockMvc
class AccountLanguageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Test
    void remembersLanguagePerAccount() throws Exception {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ ngôn ngữ", null);
        AccountId id = accounts.create("0917000111", "mat-khau-dai", "Ngô Văn Thử", null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
        MockHttpSession phone = SignIn.as(mvc, "0917000111", "mat-khau-dai");

        mvc.perform(get("/account/password?lang=de").session(phone))
                .andExpect(content().string(containsString("Passwort ändern")));
        assertThat(accounts.find(id)).get().extracting(AccountRecord::language).isEqualTo("de");

        MockHttpSession computer = SignIn.as(mvc, "0917000111", "mat-khau-dai");
        mvc.perform(get("/account/password").session(computer))
                .andExpect(content().string(containsString("Passwort ändern")));

        mvc.perform(get("/account/password?lang=xx").session(computer));
        assertThat(accounts.find(id)).get().extracting(AccountRecord::language).isEqualTo("de");
        mvc.perform(get("/account/password").session(computer))
                .andExpect(content().string(containsString("Passwort ändern")));
        mvc.perform(get("/account/password?lang=vi").session(computer))
                .andExpect(content().string(containsString("Đổi mật khẩu")));
        assertThat(accounts.find(id)).get().extracting(AccountRecord::language).isEqualTo("vi");
    }

    @Test
    void languageLinksKeepQuery() throws Exception {
        String page = mvc.perform(get(URI.create("/login?error&q=%C4%91%E1%BA%B7ng&lang=en"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("href=\"?error&amp;q=%C4%91%E1%BA%B7ng&amp;lang=vi\"");
        assertThat(page).contains("href=\"?error&amp;q=%C4%91%E1%BA%B7ng&amp;lang=de\"");
        assertThat(page).doesNotContain("lang=en&amp;");
    }

    @Test
    void keepsCookieLanguageUntilChosen() throws Exception {
        var cell = organizations.create(null, OrganizationKind.CELL, "Chi bộ ngôn ngữ", null);
        AccountId id = accounts.create("0917000222", "mat-khau-dai", "Đỗ Văn Thử", null, false,
                List.of(new Grant(cell.id(), Role.MEMBER)));
        MockHttpSession phone = SignIn.as(mvc, "0917000222", "mat-khau-dai");

        mvc.perform(get("/account/password").session(phone).cookie(new jakarta.servlet.http.Cookie("chibo-lang", "en")))
                .andExpect(content().string(containsString("Change password")));

        assertThat(accounts.find(id)).get().extracting(AccountRecord::language).isNull();
    }
}
