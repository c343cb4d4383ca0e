package vn.chibo.member.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The sign-in address on slips when the platform's public address is configured. */
@SqlTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "chibo.public-url=https://chibo.example.vn/")
class PublicUrlSlipTests {

    private static final Pattern ADDRESS = Pattern.compile(
            "<dt>Địa chỉ đăng nhập</dt>\\s*<dd class=\"slip-value\">([^<]+)</dd>");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void slipsIgnoreForgedHost() throws Exception {
        var commune = fixtures.commune();
        MemberId member = fixtures.member(commune.cell(), "Lê Văn Thường", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor secretary = fixtures.accountWithoutMember(commune.cell(), Role.CELL_SECRETARY);
        MockHttpSession session = SignIn.as(mvc, secretary);
        long cell = commune.cell().id().value();

        String issued = mvc.perform(post("/cells/{cell}/members/accounts", cell).header("Host", "evil.example")
                        .session(session).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String reset = mvc.perform(post("/cells/{cell}/members/{member}/password", cell, member.value())
                        .header("Host", "evil.example").session(session).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(addressOn(issued)).isEqualTo("https://chibo.example.vn/login");
        assertThat(addressOn(reset)).isEqualTo("https://chibo.example.vn/login");
        assertThat(issued).doesNotContain("evil.example");
        assertThat(reset).doesNotContain("evil.example");
    }

    private static String addressOn(String page) {
        Matcher matcher = ADDRESS.matcher(page);
        assertThat(matcher.find()).as("sign-in address on the slip").isTrue();
        return matcher.group(1);
    }
}
