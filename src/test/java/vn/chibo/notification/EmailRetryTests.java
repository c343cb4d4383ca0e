package vn.chibo.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.system.JdbcTime;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP server that is down when a meeting is announced: the e-mails wait for another attempt
 * instead of failing the notices, and go out once the server is up and their wait is over.
 */
@SqlTest
class EmailRetryTests {

    /** A port on 127.0.0.1 that nothing listens on until the test starts the server there. */
    static final int PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    }

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    EmailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void failedSendWaitsAndRetries() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.parse("2099-12-20T01:00:00Z"));

        await().atMost(Duration.ofSeconds(20)).until(() -> attempted(meeting));
        List<Map<String, Object>> waiting = rows(meeting);
        assertThat(waiting).isNotEmpty();
        for (Map<String, Object> row : waiting) {
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        }
        assertThat(notices(meeting)).isEqualTo(4);

        GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            jdbc.sql("update notification_email set next_attempt_at = :now")
                    .param("now", JdbcTime.param(Instant.now().minusSeconds(1)))
                    .update();
            dispatcher.sendDue();

            assertThat(rows(meeting)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SENT"));
            assertThat(smtp.getReceivedMessages()).hasSize(waiting.size());
        }
        finally {
            smtp.stop();
        }
    }

    private boolean attempted(MeetingId meeting) {
        List<Map<String, Object>> rows = rows(meeting);
        return !rows.isEmpty() && rows.stream().allMatch(row -> ((Number) row.get("attempts")).intValue() > 0
                && "PENDING".equals(row.get("status")));
    }

    private List<Map<String, Object>> rows(MeetingId meeting) {
        return jdbc.sql("""
                select e.status, e.attempts from notification_email e join notification n on n.id = e.notification_id
                where n.meeting_id = :meeting
                """)
                .param("meeting", meeting.value())
                .query()
                .listOfRows();
    }

    private int notices(MeetingId meeting) {
        return jdbc.sql("select count(*) from notification where meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query(Integer.class)
                .single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException unavailable) {
            throw new IllegalStateException("No free port on 127.0.0.1 for the SMTP test", unavailable);
        }
    }
}
