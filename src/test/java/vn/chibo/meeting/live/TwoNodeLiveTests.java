package vn.chibo.meeting.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SecondNode;
import vn.chibo.testing.TestDatabaseInitializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the product on one PostgreSQL database: node A (this test's context) and node B,
 * started beside it on another random port. A member signs in on A, and the same session cookie opens
 * the meeting page and its event stream on B. A change made on A reaches the stream on B through
 * PostgreSQL's LISTEN/NOTIFY. It runs in the PostgreSQL pass only (tag "sql" and the system property
 * {@value TestDatabaseInitializer#DATABASE_PROPERTY}), because H2 serves a single node.
 */
@Tag("sql")
@EnabledIfSystemProperty(named = TestDatabaseInitializer.DATABASE_PROPERTY, matches = "postgresql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoNodeLiveTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int portA;

    @Autowired
    Environment environment;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement managementOnA;

    private ConfigurableApplicationContext nodeB;
    private HttpClient client;

    @BeforeEach
    void startNodeB() {
        nodeB = SecondNode.startBeside(environment);
        client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterEach
    void stopNodeB() {
        nodeB.close();
    }

    @Test
    void changeOnOneNodeReachesStreamOnOther() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.underway(village);
        signIn(portA, village.member().username());
        int portB = SecondNode.portOf(nodeB);

        HttpResponse<String> pageOnB = client.send(HttpRequest.newBuilder(uri(portB, "/meetings/" + meeting)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pageOnB.statusCode()).isEqualTo(200);
        assertThat(pageOnB.body()).contains("data-live-stream=\"/meetings/" + meeting + "/live");

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(uri(portB, "/meetings/" + meeting
                + "/live")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                stream.body().forEach(lines::add);
            }
            catch (UncheckedIOException closed) {
                // The test closed the stream at its end.
            }
        });
        assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("retry:2000");

        managementOnA.recordAttendance(village.secretary(), meeting, village.memberOf(village.member()).id(),
                AttendanceStatus.PRESENT_IN_PERSON, null);

        String line;
        do {
            line = lines.poll(20, TimeUnit.SECONDS);
        }
        while (line != null && !line.startsWith("event:"));
        assertThat(line).isEqualTo("event:ATTENDANCE");
        assertThat(lines.poll(20, TimeUnit.SECONDS)).isEqualTo("data:attendance");
        stream.body().close();
        reader.join();
    }

    /** Signs in through the sign-in form; the cookie manager keeps the session cookie for every port of the host. */
    private void signIn(int port, String username) throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(uri(port, "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as("the sign-in form has a CSRF token").isTrue();
        String body = "username=" + encode(username) + "&password=" + encode(Fixtures.PASSWORD) + "&_csrf="
                + encode(token.group(1));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("login"));
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
