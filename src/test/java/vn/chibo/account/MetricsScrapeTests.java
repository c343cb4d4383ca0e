package vn.chibo.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.testing.ApiSignIn;
import vn.chibo.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Access to the Prometheus metrics with and without the scrape password. */
@SpringBootTest(properties = "chibo.metrics.scrape-password=" + MetricsScrapeTests.PASSWORD)
@AutoConfigureMockMvc
class MetricsScrapeTests {

    static final String PASSWORD = "scrape-password-of-at-least-32-characters";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiSignIn api;

    @Test
    void scrapeWithPasswordReadsMetrics() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());

        String body = mvc.perform(get("/actuator/prometheus").header("Authorization", basic("prometheus", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "http_server_requests_seconds");
    }

    @Test
    void otherCallersRejected() throws Exception {
        var admin = fixtures.accountWithoutMember(fixtures.commune().committee(), Role.SYSTEM_ADMIN);

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", basic("prometheus", PASSWORD + "x")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", basic("admin", PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Basic %%%"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(api.as(admin))).andExpect(status().isForbidden());
    }

    @Test
    void shortPasswordRejected() {
        assertThatThrownBy(() -> new MetricsProperties("too short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 characters");
        assertThat(new MetricsProperties("").scrapePassword()).isEmpty();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
