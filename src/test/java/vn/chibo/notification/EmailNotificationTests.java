package vn.chibo.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification e-mails through a real SMTP server (GreenMail) on 127.0.0.1. Of the village fixture's
 * accounts, those whose member records contain an e-mail address get mail, the secretary among them.
 * The committee officer has no member record and so no address.
 */
@SqlTest
class EmailNotificationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailOutbox outbox;

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void publishingSendsOneVietnameseMailPerAddress() throws Exception {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId meeting = fixtures.published(village, Instant.parse("2099-12-20T01:00:00Z"));

        List<String> addresses = addressesOf(village);
        assertThat(addresses).contains("dv01@example.com");

        await().atMost(WAIT).until(() -> sentCount(meeting) == addresses.size());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(Arrays.stream(received).map(EmailNotificationTests::recipient).toList())
                .containsExactlyInAnyOrderElementsOf(addresses);
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).isEqualTo("Lịch sinh hoạt mới · Sinh hoạt chi bộ định kỳ tháng 12/2026");
            assertThat(message.getContent().toString()).contains("Thời gian: 20/12/2099 08:00 (giờ Việt Nam, UTC+7)")
                    .contains("Địa điểm: Nhà văn hóa thôn Hòa Bình 3")
                    .contains("1. Khai mạc");
        }
        assertThat(queuedStatuses(meeting)).hasSize(addresses.size()).containsOnly("SENT");
    }

    @Test
    void draftSendsNothing() {
        MeetingFixtures.Village village = fixtures.village();
        MeetingId draft = fixtures.draft(village, Instant.parse("2099-12-21T01:00:00Z"));
        MeetingId marker = fixtures.published(village, Instant.parse("2099-12-22T01:00:00Z"));

        int expected = addressesOf(village).size();
        await().atMost(WAIT).until(() -> sentCount(marker) == expected);
        assertThat(SMTP.getReceivedMessages()).hasSize(expected);
        assertThat(queuedStatuses(draft)).isEmpty();
    }

    @Test
    void retryDelayDoubles() {
        assertThat(EmailDispatcher.delayAfter(1, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(EmailDispatcher.delayAfter(2, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(2));
        assertThat(EmailDispatcher.delayAfter(4, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(8));
    }

    /** Returns the e-mail addresses on the member records of the village's accounts in the cell. */
    private static List<String> addressesOf(MeetingFixtures.Village village) {
        return Stream.of(village.secretary(), village.member(), village.probationary())
                .map(actor -> village.memberOf(actor).email())
                .filter(Objects::nonNull)
                .toList();
    }

    private int sentCount(MeetingId meeting) {
        return jdbc.sql("""
                select count(*) from notification_email e join notification n on n.id = e.notification_id
                where n.meeting_id = :meeting and e.status = 'SENT'
                """)
                .param("meeting", meeting.value())
                .query(Integer.class)
                .single();
    }

    private List<String> queuedStatuses(MeetingId meeting) {
        return jdbc.sql("""
                select e.status from notification_email e join notification n on n.id = e.notification_id
                where n.meeting_id = :meeting
                """)
                .param("meeting", meeting.value())
                .query(String.class)
                .list();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        }
        catch (jakarta.mail.MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
