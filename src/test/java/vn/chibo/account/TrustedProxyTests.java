package vn.chibo.account;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment behind a reverse proxy on the same host sets {@code server.forward-headers-strategy=native}.
 * Tomcat then trusts X-Forwarded-For and X-Forwarded-Proto from proxies on private and loopback
 * addresses only, and a request the proxy received over HTTPS gets HSTS and a Secure cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
class TrustedProxyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LookupHashes hashes;

    @Test
    void signInLimitCountsForwardedAddress() throws Exception {
        SecurityHeadersTests.failSignIn(port, "khong-co-ai-2", "203.0.113.8");

        assertThat(SecurityHeadersTests.failures(jdbc, "address:" + hashes.hash("sign-in-address", "203.0.113.8")))
                .isEqualTo(1);
    }

    @Test
    void httpsBehindProxyGetsHstsAndSecureCookie() throws Exception {
        HttpResponse<String> page = SecurityHeadersTests.get(port, "/login", "X-Forwarded-Proto", "https",
                "X-Forwarded-For", "203.0.113.9");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Strict-Transport-Security"))
                .containsExactly("max-age=31536000 ; includeSubDomains");
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(1);
        assertThat(cookies.getFirst()).matches("SESSION=[A-Za-z0-9%=_-]+; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void plainHttpBehindProxyGetsNoHsts() throws Exception {
        HttpResponse<String> page = SecurityHeadersTests.get(port, "/login", "X-Forwarded-Proto", "http");

        assertThat(page.headers().allValues("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().allValues("Set-Cookie").getFirst()).doesNotContain("Secure");
    }
}
