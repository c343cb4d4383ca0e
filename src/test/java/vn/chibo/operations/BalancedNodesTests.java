package vn.chibo.operations;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditChain;
import vn.chibo.audit.ChainVerification;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.Nginx;
import vn.chibo.testing.SampleFiles;
import vn.chibo.testing.SecondFactorCodes;
import vn.chibo.testing.SecondNode;
import vn.chibo.testing.TestDatabaseInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes of the product behind nginx, configured with docs/nginx/chibo-proxy.conf (round robin, no
 * sticky sessions), on one PostgreSQL database and one file store. Every request goes through nginx,
 * and nginx names the node of each response in {@link Nginx#UPSTREAM_HEADER}, so each test shows that
 * both nodes took part. Node A is this test's context; node B starts beside it with A's database,
 * keys, file store and settings.
 *
 * <p>It runs in the PostgreSQL pass only, because H2 serves a single node. Without nginx it is
 * skipped, except under .ci/run (CI=true), where a missing nginx fails it.
 */
@Tag("sql")
@EnabledIfSystemProperty(named = TestDatabaseInitializer.DATABASE_PROPERTY, matches = "postgresql")
@EnabledIf(value = "nginxInstalledOrInCi",
        disabledReason = "nginx is not installed at /usr/sbin/nginx (apt-get install nginx-light); .ci/run installs it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "server.forward-headers-strategy=native",
        "chibo.notification.email-poll-interval=100ms",
        "chibo.audit.seal-interval=200ms",
        // A schedule that does not fire during the test, which runs the scheduled backup itself.
        "chibo.backup.cron=0 0 3 1 1 *" })
class BalancedNodesTests {

    /** The settings node B takes from node A besides the database, files and keys, so that both run the same jobs. */
    private static final String[] ALSO_SHARED = { "spring.mail.host", "spring.mail.port", "server.address",
            "server.forward-headers-strategy", "chibo.notification.email-poll-interval", "chibo.audit.seal-interval",
            "chibo.backup.cron", "chibo.backup.folder" };

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort());

    static final Path BACKUP_FOLDER = temporaryFolder("backups-");

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void sharedServices(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("chibo.backup.folder", BACKUP_FOLDER::toString);
    }

    static boolean nginxInstalledOrInCi() {
        return Nginx.installed() || "true".equals(System.getenv("CI"));
    }

    @LocalServerPort
    int portA;

    @Autowired
    Environment environment;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditChain auditChain;

    @Autowired
    Backups backupsOnA;

    private ConfigurableApplicationContext nodeB;
    private Nginx nginx;

    @BeforeAll
    void startNodeBAndBalancer() throws IOException {
        nodeB = SecondNode.startBeside(environment, ALSO_SHARED);
        int portB = SecondNode.portOf(nodeB);
        nginx = Nginx.balancing(List.of(portA, portB));
    }

    @AfterAll
    void stopNodeBAndBalancer() {
        if (nginx != null) {
            nginx.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        SMTP.stop();
    }

    @Test
    void sessionWorksOnEveryNode() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        // An address from the documentation range, which the nodes see only if they trust nginx's X-Forwarded-For.
        Balanced browser = new Balanced("203.0.113.7");

        browser.signIn(village.secretary());

        Set<String> nodes = new HashSet<>();
        for (int request = 0; request < 6; request++) {
            HttpResponse<String> page = browser.get("/meetings/" + meeting);
            assertThat(page.statusCode()).as("request %d", request).isEqualTo(200);
            assertThat(page.body()).as("request %d", request)
                    .contains("Sinh hoạt chi bộ định kỳ tháng 12/2026")
                    .doesNotContain("name=\"password\"");
            nodes.add(upstreamOf(page));
        }
        assertThat(nodes).as("nodes that served the signed-in pages").hasSize(2);
        assertThat(browser.get("/account/sessions").body()).as("the network recorded at sign-in")
                .contains("203.0.113.0/24");
    }

    @Test
    void changeReachesStreamsOnBothNodes() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.underway(village);
        Balanced browser = new Balanced();
        browser.signIn(village.secretary());

        List<LiveStream> streams = new ArrayList<>();
        Set<String> streamNodes = new HashSet<>();
        while (streamNodes.size() < 2 && streams.size() < 4) {
            LiveStream stream = browser.openStream("/meetings/" + meeting + "/live");
            streams.add(stream);
            streamNodes.add(stream.node());
        }
        assertThat(streamNodes).as("nodes that hold a stream").hasSize(2);

        String token = browser.csrfToken("/meetings/" + meeting + "/attendance");
        long memberId = village.memberOf(village.member()).id().value();
        HttpResponse<String> marked = browser.postForm("/meetings/" + meeting + "/attendance/" + memberId,
                Map.of("status", "PRESENT_IN_PERSON", "_csrf", token));
        assertThat(marked.statusCode()).isEqualTo(302);

        for (LiveStream stream : streams) {
            assertThat(stream.nextEvent()).as("event on the stream served by %s", stream.node())
                    .isEqualTo("event:ATTENDANCE");
            stream.close();
        }
    }

    @Test
    void documentDownloadsFromOtherNode() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.now().plus(Duration.ofDays(3)));
        Balanced browser = new Balanced();
        browser.signIn(village.secretary());
        byte[] content = SampleFiles.document("du-thao-nghi-quyet-thang-12.pdf");

        String token = browser.csrfToken("/meetings/" + meeting);
        HttpResponse<String> uploaded = browser.postFile("/meetings/" + meeting + "/documents", token,
                "chuong-trinh.pdf", "application/pdf", content);
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String uploadNode = upstreamOf(uploaded);

        Matcher link = Pattern.compile("/meetings/" + meeting + "/documents/(\\d+)")
                .matcher(browser.get("/meetings/" + meeting).body());
        assertThat(link.find()).as("the meeting page links the document").isTrue();
        Set<String> downloadNodes = new HashSet<>();
        for (int request = 0; request < 3; request++) {
            HttpResponse<byte[]> download = browser.getBytes(link.group());
            assertThat(download.statusCode()).isEqualTo(200);
            // The member gets a copy stamped with their name, so the stored bytes read back through the stamp.
            try (var served = Loader.loadPDF(download.body()); var original = Loader.loadPDF(content)) {
                assertThat(served.getNumberOfPages()).as("pages served by %s", upstreamOf(download))
                        .isEqualTo(original.getNumberOfPages());
                assertThat(new PDFTextStripper().getText(served)).as("text served by %s", upstreamOf(download))
                        .contains(new PDFTextStripper().getText(original).lines().findFirst().orElseThrow())
                        .contains("Lưu hành nội bộ · Bản của ");
            }
            downloadNodes.add(upstreamOf(download));
        }
        assertThat(downloadNodes).as("a node other than the upload's (%s) served the download", uploadNode)
                .anyMatch(node -> !node.equals(uploadNode));
    }

    @Test
    void emailJobSendsEachMailOnce() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        // Dates that no other test's meeting has, because every e-mail of the class reaches the same server.
        Map<String, MeetingId> meetings = Map.of(
                "20/11/2099", fixtures.published(village, Instant.parse("2099-11-20T01:00:00Z")),
                "21/11/2099", fixtures.published(village, Instant.parse("2099-11-21T01:00:00Z")));
        List<String> addresses = Stream.of(village.secretary(), village.member(), village.probationary())
                .map(actor -> village.memberOf(actor).email())
                .filter(Objects::nonNull)
                .toList();
        assertThat(addresses).isNotEmpty();

        // Both nodes poll the outbox every 100 ms, so their runs overlap.
        int expected = addresses.size() * meetings.size();
        await().atMost(WAIT).until(() -> sentCount(meetings.values()) == expected);
        // A second delivery by the other node would arrive within this second.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(received(meetings.keySet())).hasSize(expected));

        for (String date : meetings.keySet()) {
            Map<String, Integer> perAddress = new HashMap<>();
            for (MimeMessage message : received(Set.of(date))) {
                perAddress.merge(recipient(message), 1, Integer::sum);
            }
            assertThat(perAddress).as("e-mails per recipient of the meeting on %s", date)
                    .containsOnlyKeys(addresses)
                    .allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(1));
        }
    }

    @Test
    void scheduledBackupWritesOneArchive() throws Exception {
        Backups backupsOnB = nodeB.getBean(Backups.class);
        Instant due = Instant.now();
        CountDownLatch start = new CountDownLatch(1);

        List<@Nullable Path> archives = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<@Nullable Path>> runs = new ArrayList<>();
            for (Backups backups : List.of(backupsOnA, backupsOnB)) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return backups.runScheduled(due);
                }));
            }
            start.countDown();
            for (Future<@Nullable Path> run : runs) {
                archives.add(run.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(archives.stream().filter(Objects::nonNull).count()).as("runs that wrote an archive").isEqualTo(1);
        try (Stream<Path> files = Files.list(BACKUP_FOLDER)) {
            assertThat(files.toList()).hasSize(1);
        }
    }

    @Test
    void auditSealersKeepOneChain() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        fixtures.underway(village);

        // Both nodes seal every 200 ms, so a doubled or forked chain would fail the verification.
        await().atMost(WAIT).until(() -> auditChain.verify().unsealedEntries() == 0);
        ChainVerification chain = auditChain.verify();
        assertThat(chain.intact()).as(chain.problem()).isTrue();
        assertThat(chain.sealedEntries()).isPositive();
    }

    private int sentCount(Collection<MeetingId> meetings) {
        return jdbc.sql("""
                select count(*) from notification_email e join notification n on n.id = e.notification_id
                where e.status = 'SENT' and n.meeting_id in (:meetings)
                """)
                .param("meetings", meetings.stream().map(MeetingId::value).toList())
                .query(Integer.class)
                .single();
    }

    /** Returns the e-mails received so far whose text names one of the dates. */
    private static List<MimeMessage> received(Set<String> dates) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            String text = message.getContent().toString();
            if (dates.stream().anyMatch(text::contains)) {
                matching.add(message);
            }
        }
        return matching;
    }

    private static String upstreamOf(HttpResponse<?> response) {
        return response.headers().firstValue(Nginx.UPSTREAM_HEADER)
                .orElseThrow(() -> new AssertionError("nginx named no upstream for " + response.uri()));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        }
        catch (MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "balanced-nodes")), prefix)
                    .toAbsolutePath();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A browser's cookies and requests, all sent to nginx. */
    private final class Balanced {

        private final @Nullable String clientAddress;

        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        Balanced() {
            this(null);
        }

        Balanced(@Nullable String clientAddress) {
            this.clientAddress = clientAddress;
        }

        /** Signs in with the password, then submits a code on the second-factor page, as a person would. */
        void signIn(Actor actor) throws IOException, InterruptedException {
            HttpResponse<String> signedIn = postForm("/login", Map.of("username", actor.username(),
                    "password", Fixtures.PASSWORD, "_csrf", csrfToken("/login")));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String target = signedIn.headers().firstValue("Location").orElseThrow();
            assertThat(target).doesNotContain("error");
            if (!target.contains("/second-factor")) {
                return;
            }

            HttpResponse<String> answered = postForm("/second-factor", Map.of(
                    "code", SecondFactorCodes.next(actor.username()), "_csrf", csrfToken("/second-factor")));
            assertThat(answered.statusCode()).isEqualTo(302);
            assertThat(answered.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).doesNotContain("second-factor").doesNotContain("login"));
        }

        String csrfToken(String path) throws IOException, InterruptedException {
            HttpResponse<String> page = get(path);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("%s (status %d) has a CSRF token", path, page.statusCode()).isTrue();
            return token.group(1);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
            return client.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(encode(name)).append('=')
                    .append(encode(value)));
            return client.send(request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postFile(String path, String csrfToken, String fileName, String contentType,
                byte[] content) throws IOException, InterruptedException {
            String boundary = "chibo-" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            return client.send(request(path)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        LiveStream openStream(String path) throws IOException, InterruptedException {
            HttpResponse<Stream<String>> response = client.send(request(path)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            LiveStream stream = new LiveStream(upstreamOf(response), response.body());
            assertThat(stream.lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("retry:2000");
            return stream;
        }

        /** Starts a request to nginx, from the client address when one was given. */
        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + path));
            if (clientAddress != null) {
                // As if a proxy on the client's side had named the client. nginx appends 127.0.0.1 behind it.
                request.header("X-Forwarded-For", clientAddress);
            }
            return request;
        }
    }

    /** An open event stream whose lines a virtual thread collects. */
    private static final class LiveStream {

        private final String node;
        private final Stream<String> body;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        LiveStream(String node, Stream<String> body) {
            this.node = node;
            this.body = body;
            this.reader = Thread.ofVirtual().start(() -> {
                try {
                    body.forEach(lines::add);
                }
                catch (UncheckedIOException closed) {
                    // The test closed the stream at its end.
                }
            });
        }

        String node() {
            return node;
        }

        /** Returns the next "event:" line, skipping heartbeats and data, or null after the wait. */
        @Nullable String nextEvent() throws InterruptedException {
            String line;
            do {
                line = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            while (line != null && !line.startsWith("event:"));
            return line;
        }

        void close() throws InterruptedException {
            body.close();
            reader.join(Duration.ofSeconds(5));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
