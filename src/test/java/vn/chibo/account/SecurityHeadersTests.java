package vn.chibo.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers and the session cookie, as the real Tomcat sends them. With the default
 * {@code server.forward-headers-strategy=none} a client's X-Forwarded-Proto is ignored, so a
 * request over plain HTTP gets no HSTS and no Secure cookie whatever it claims, and the sign-in
 * limits count the address of the TCP connection, not X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), fullscreen=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "screen-wake-lock=(), usb=(), publickey-credentials-create=(self), publickey-credentials-get=(self)";

    private static final Pattern CSRF_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LookupHashes hashes;

    @Test
    void pagesSendEachHeader() throws Exception {
        HttpResponse<String> page = get(port, "/login", "X-Forwarded-Proto", "https");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(CONTENT_SECURITY_POLICY);
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
        assertThat(page.headers().allValues("Permissions-Policy")).containsExactly(PERMISSIONS_POLICY);
        assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(page.headers().allValues("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void sessionCookieOverPlainHttp() throws Exception {
        HttpResponse<String> page = get(port, "/login", "X-Forwarded-Proto", "https");

        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(1);
        assertThat(cookies.getFirst()).matches("SESSION=[A-Za-z0-9%=_-]+; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void apiSendsItsOwnPolicy() throws Exception {
        HttpResponse<String> document = get(port, "/v3/api-docs", "X-Forwarded-Proto", "https");

        assertThat(document.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'");
        assertThat(document.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(document.headers().allValues("Strict-Transport-Security")).isEmpty();
        assertThat(document.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void signInLimitIgnoresForwardedFor() throws Exception {
        failSignIn(port, "khong-co-ai-1", "203.0.113.7");

        assertThat(failures(jdbc, "address:" + hashes.hash("sign-in-address", "127.0.0.1"))).isPositive();
        assertThat(failures(jdbc, "address:" + hashes.hash("sign-in-address", "203.0.113.7"))).isZero();
    }

    /** Posts a wrong password through the real sign-in form, with its CSRF token and session cookie. */
    static void failSignIn(int port, String username, String forwardedFor) throws Exception {
        HttpResponse<String> form = get(port, "/login");
        Matcher token = CSRF_TOKEN.matcher(form.body());
        assertThat(token.find()).isTrue();
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String body = "username=" + username + "&password=sai-mat-khau&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error=bad"));
    }

    static long failures(JdbcClient jdbc, String subject) {
        return jdbc.sql("select coalesce(sum(failures), 0) from sign_in_failure where subject = :subject")
                .param("subject", subject)
                .query(Long.class)
                .single();
    }

    static HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
