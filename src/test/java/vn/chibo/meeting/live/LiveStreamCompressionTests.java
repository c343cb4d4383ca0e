package vn.chibo.meeting.live;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compression as the real Tomcat applies it to a browser that accepts gzip: pages are compressed, the
 * live stream is not. A compressed stream keeps a zlib deflater for as long as it is open, which cost
 * 110 to 200 kB of resident memory per stream in bench/live-latency.sh, for events of a few dozen bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveStreamCompressionTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    MeetingFixtures fixtures;

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void streamIsNotCompressed() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.underway(village);
        signIn(village.member().username());

        HttpResponse<InputStream> stream = client.send(request("/meetings/" + meeting + "/live")
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        stream.body().close();

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void meetingPageIsCompressed() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.underway(village);
        signIn(village.member().username());

        HttpResponse<byte[]> page = client.send(request("/meetings/" + meeting).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Encoding", "gzip");
    }

    private void signIn(String username) throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as("the sign-in form has a CSRF token").isTrue();
        String body = "username=" + encode(username) + "&password=" + encode(Fixtures.PASSWORD) + "&_csrf="
                + encode(token.group(1));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
