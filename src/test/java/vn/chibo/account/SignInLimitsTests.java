package vn.chibo.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

@SqlTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignInLimitsTests {

    static final AccountProperties.Limit ACCOUNT = new AccountProperties.Limit(5, Duration.ofSeconds(30), 10,
            Duration.ofHours(1));

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LookupHashes hashes;

    @Autowired
    AccountProperties properties;

    @ParameterizedTest
    @CsvSource({ "1, 0", "5, 0", "6, 30", "7, 60", "8, 120", "9, 240", "10, 3600", "25, 3600" })
    void blockGrowsThenRefuses(int failures, long seconds) {
        assertThat(ACCOUNT.blockAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void blockNeverExceedsRefusal() {
        var limit = new AccountProperties.Limit(1, Duration.ofMinutes(40), 20, Duration.ofHours(1));

        assertThat(limit.blockAfter(2)).isEqualTo(Duration.ofMinutes(40));
        assertThat(limit.blockAfter(3)).isEqualTo(Duration.ofHours(1));
        assertThat(limit.blockAfter(19)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void blocksAccountAfterFiveFailures(CapturedOutput output) throws Exception {
        accounts.create("0915000111", "mat-khau-dung", "Trương Văn Thử", null, false, List.of());

        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(SignInTests.signIn("0915000111", "sai-" + attempt, "10.2.0." + attempt))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        MvcResult sixth = mvc.perform(SignInTests.signIn("0915 000 111", "sai-6", "10.2.0.6"))
                .andExpect(redirectedUrlPattern("/login?error=blocked&until=*"))
                .andReturn();
        mvc.perform(SignInTests.signIn("0915000111", "mat-khau-dung", "10.2.0.7"))
                .andExpect(redirectedUrlPattern("/login?error=blocked&until=*"));

        long until = Long.parseLong(sixth.getResponse().getRedirectedUrl().replaceAll(".*until=", ""));
        assertThat(Instant.ofEpochSecond(until)).isBetween(Instant.now().plusSeconds(20), Instant.now().plusSeconds(31));
        assertThat(output).contains("Sign-in blocked until").doesNotContain("0915000111").doesNotContain("0915 000 111");
    }

    @Test
    void blockedPageSaysWhenToRetry() throws Exception {
        long until = Instant.now().plus(Duration.ofMinutes(3)).getEpochSecond();
        String time = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .format(Instant.ofEpochSecond(until).atZone(ZoneId.of("Asia/Ho_Chi_Minh")));

        mvc.perform(get("/login").param("error", "blocked").param("until", Long.toString(until)))
                .andExpect(content().string(containsString("Xin thử lại sau " + time
                        + " (giờ Việt Nam, UTC+7), tức khoảng 3 phút nữa.")));
        mvc.perform(get("/login").param("error", "blocked").param("until", "12abc"))
                .andExpect(content().string(containsString("Xin đợi ít phút rồi thử lại.")));
    }

    @Test
    void blocksAddressAcrossAccounts() throws Exception {
        for (int attempt = 1; attempt <= 20; attempt++) {
            mvc.perform(SignInTests.signIn("khong-co-" + attempt, "sai", "10.3.0.1"))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        accounts.create("0915000222", "mat-khau-dung", "Lý Thị Thử", null, false, List.of());

        mvc.perform(SignInTests.signIn("khong-co-21", "sai", "10.3.0.1"))
                .andExpect(redirectedUrlPattern("/login?error=blocked&until=*"));
        mvc.perform(SignInTests.signIn("0915000222", "mat-khau-dung", "10.3.0.1"))
                .andExpect(redirectedUrlPattern("/login?error=blocked&until=*"));
        mvc.perform(SignInTests.signIn("0915000222", "mat-khau-dung", "10.3.0.2"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void successForgetsAccountFailures() {
        AccountId id = accounts.create("0915000333", "mat-khau-dung", "Hồ Văn Thử", null, false, List.of());
        var clock = new MovableClock(Instant.parse("2026-12-01T01:00:00Z"));
        var limits = new SignInLimits(jdbc, accounts, hashes, properties, clock);
        SignInLimits.Subjects subjects = limits.subjectsOf("0915000333", "10.4.0.1");

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(limits.recordFailure(subjects)).isEmpty();
        }
        limits.recordSuccess(subjects);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(limits.recordFailure(subjects)).isEmpty();
        }

        assertThat(subjects.account()).isEqualTo("account:" + id.value());
        assertThat(limits.recordFailure(subjects)).contains(clock.instant().plusSeconds(30));
        assertThat(limits.blockedUntil(subjects)).contains(clock.instant().plusSeconds(30));
    }

    @Test
    void countsIpv6ByNetwork() {
        var limits = new SignInLimits(jdbc, accounts, hashes, properties, Clock.systemUTC());

        String first = limits.subjectsOf("khong-ai-ca", "2001:ee0:4f1:2c00::1").address();
        String sameNetwork = limits.subjectsOf("khong-ai-ca", "2001:ee0:4f1:2c00:ffff::9").address();
        String nextNetwork = limits.subjectsOf("khong-ai-ca", "2001:ee0:4f1:2c01::1").address();

        assertThat(sameNetwork).isEqualTo(first);
        assertThat(nextNetwork).isNotEqualTo(first);
    }

    @Test
    void forgetsFailuresAfterADay() {
        var clock = new MovableClock(Instant.parse("2026-12-02T01:00:00Z"));
        var limits = new SignInLimits(jdbc, accounts, hashes, properties, clock);
        SignInLimits.Subjects subjects = limits.subjectsOf("khong-ai-ca", "10.5.0.1");

        for (int attempt = 1; attempt <= 5; attempt++) {
            limits.recordFailure(subjects);
        }
        clock.advance(Duration.ofHours(25));
        Optional<Instant> afterADay = limits.recordFailure(subjects);
        clock.advance(Duration.ofMinutes(1));
        for (int attempt = 1; attempt <= 4; attempt++) {
            limits.recordFailure(subjects);
        }

        assertThat(subjects.account()).startsWith("name:").doesNotContain("khong-ai-ca");
        assertThat(afterADay).isEmpty();
        assertThat(limits.recordFailure(subjects)).isPresent();
    }

    /** A clock that tests move forward by hand. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
