package vn.chibo.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import vn.chibo.ChiboApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a running application and comes back. The application reaches an
 * H2 database through H2's TCP server, which the test stops: connections break and new ones are
 * refused, as when PostgreSQL stops. Requests then get a 503 within the pool's connection timeout,
 * the session store included, and once the server is back the same application serves again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTests {

    /** The pool's connection timeout (3 s in application.yml) and generous room for a busy machine. */
    private static final Duration FAST_ENOUGH = Duration.ofSeconds(10);

    private static int databasePort;
    private static Server database;
    private static ConfigurableApplicationContext application;
    private static HttpClient client;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        databasePort = freePort();
        database = startDatabase();
        String url = "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/mem:outage;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Map<String, Object> properties = Map.of("spring.datasource.url", url, "spring.datasource.username", "sa",
                "spring.datasource.password", "", "server.port", "0", "server.address", "127.0.0.1");
        application = new SpringApplicationBuilder(ChiboApplication.class)
                // Runs after TestDatabaseInitializer, so that the application uses the TCP server.
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("database-outage", properties)))
                .run();
        port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    @Order(1)
    void servesWhileDatabaseRuns() throws Exception {
        assertThat(send(get("/login")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void pageGets503DuringOutage() throws Exception {
        database.stop();

        long started = System.nanoTime();
        HttpResponse<String> page = send(get("/login"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        HttpResponse<String> english = send(get("/login").header("Cookie", "chibo-lang=en"));

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(FAST_ENOUGH);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Hệ thống tạm thời không kết nối được cơ sở dữ liệu (mã lỗi ")
                .doesNotContain("Exception").doesNotContain("127.0.0.1:" + databasePort);
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.body()).contains("The system cannot reach its database at the moment (error id ");
    }

    /** Checks the session lookup, which the session store runs before any controller. */
    @Test
    @Order(3)
    void sessionLookupGets503DuringOutage() throws Exception {
        HttpResponse<String> page = send(get("/").header("Cookie", "SESSION=ZjVkMzE0ZWItZTFhZC00YzE4"));

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Hệ thống tạm thời không kết nối được cơ sở dữ liệu");
    }

    @Test
    @Order(4)
    void htmxRequestGetsMessageDuringOutage() throws Exception {
        HttpResponse<String> fragment = send(get("/login").header("HX-Request", "true"));

        assertThat(fragment.statusCode()).isEqualTo(503);
        assertThat(fragment.headers().firstValue("HX-Retarget")).hasValue("#messages");
        assertThat(fragment.body()).startsWith("<p class=\"alert alert-error\">Hệ thống tạm thời");
    }

    @Test
    @Order(5)
    void apiGetsProblemDuringOutage() throws Exception {
        HttpResponse<String> problem = send(get("/api/v1/meetings/1/opinions").header("Authorization", "Bearer not-a-real-token")
                .header("Accept-Language", "en"));

        assertThat(problem.statusCode()).isEqualTo(503);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problem.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(problem.body()).contains("\"title\":\"Service Unavailable\"", "\"status\":503",
                "The system cannot reach its database at the moment");
    }

    @Test
    @Order(6)
    void healthIsDownDuringOutage() throws Exception {
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(503);
        assertThat(send(get("/actuator/health/readiness")).statusCode()).isEqualTo(503);
        assertThat(send(get("/actuator/health/liveness")).statusCode()).isEqualTo(200);
        // A probe that carries a session cookie, such as a person's browser, must not read the session.
        assertThat(send(get("/actuator/health/liveness").header("Cookie", "SESSION=ZjVkMzE0ZWItZTFhZC00YzE4"))
                .statusCode()).isEqualTo(200);
    }

    /**
     * H2 reports a broken connection with its own SQL state, which HikariCP does not treat as fatal.
     * So a broken pooled connection is dropped only when its validation fails, while PostgreSQL's state
     * 08006 makes HikariCP drop it at once. Recovery therefore takes a few seconds, without a restart.
     */
    @Test
    @Order(7)
    void servesAgainAfterOutage() throws Exception {
        database = startDatabase();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> send(get("/login")).statusCode() == 200);
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }

    private static Server startDatabase() throws SQLException {
        // -ifNotExists lets the application create its in-memory database; the server takes loopback only.
        return Server.createTcpServer("-tcpPort", Integer.toString(databasePort), "-ifNotExists").start();
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
