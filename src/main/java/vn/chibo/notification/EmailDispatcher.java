package vn.chibo.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.chibo.account.AccountRecord;
import vn.chibo.account.Accounts;
import vn.chibo.member.MemberId;
import vn.chibo.system.ChiboProperties;

/**
 * Sends the queued notification e-mails through the configured SMTP server, each in its recipient's
 * language. It exists only when {@code spring.mail.host} is set. A failed send is tried again with a
 * doubling wait, up to {@code chibo.notification.email-max-attempts} times. Logs name notification ids
 * and never addresses; an SMTP error's text is left out because it often repeats the address.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    /** The maximum number of e-mails one run sends, so that a long queue does not occupy one thread for long. */
    private static final int BATCH = 100;

    private final JavaMailSender sender;
    private final EmailOutbox outbox;
    private final NotificationStore store;
    private final NotificationTexts texts;
    private final Accounts accounts;
    private final Recipients recipients;
    private final NotificationProperties properties;
    private final ChiboProperties chibo;
    private final Clock clock;

    EmailDispatcher(JavaMailSender sender, EmailOutbox outbox, NotificationStore store, NotificationTexts texts,
            Accounts accounts, Recipients recipients, NotificationProperties properties, ChiboProperties chibo,
            Clock clock) {
        this.sender = sender;
        this.outbox = outbox;
        this.store = store;
        this.texts = texts;
        this.accounts = accounts;
        this.recipients = recipients;
        this.properties = properties;
        this.chibo = chibo;
        this.clock = clock;
    }

    /** Sends every e-mail that is due: new ones, and failed ones whose wait is over. */
    @Scheduled(fixedDelayString = "${chibo.notification.email-poll-interval:30s}",
            initialDelayString = "${chibo.notification.email-poll-interval:30s}")
    void sendDue() {
        List<NotificationId> due = outbox.due(clock.instant(), BATCH);
        if (due.isEmpty()) {
            return;
        }
        log.info("Sending {} notification e-mails", due.size());
        due.forEach(this::send);
    }

    private void send(NotificationId id) {
        int attempt = outbox.claim(id, clock.instant());
        if (attempt == 0) {
            return;
        }
        Optional<Notification> notification = store.find(id);
        Optional<AccountRecord> account = notification.flatMap(found -> accounts.find(found.accountId()));
        Optional<String> address = account.flatMap(found -> recipients.emailOf(
                found.memberId() == null ? null : MemberId.of(found.memberId())));
        if (notification.isEmpty() || account.isEmpty() || address.isEmpty() || !account.get().enabled()) {
            outbox.markFailed(id);
            log.warn("Notification {}: no e-mail sent, because the account or its address is gone", id);
            return;
        }

        try {
            sender.send(message(notification.get(), address.get(), localeOf(account.get())));
            outbox.markSent(id, clock.instant());
            log.info("Notification {}: e-mail sent on attempt {}", id, attempt);
        }
        catch (MailException | MessagingException failure) {
            retryOrGiveUp(id, attempt, failure);
        }
    }

    private MimeMessage message(Notification notification, String address, Locale locale) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.emailFrom());
        helper.setTo(address);
        helper.setSubject(texts.subject(notification, locale));
        helper.setText(texts.body(notification, locale, siteAddress()), false);
        return message;
    }

    private void retryOrGiveUp(NotificationId id, int attempt, Exception failure) {
        if (attempt >= properties.emailMaxAttempts()) {
            outbox.markFailed(id);
            log.error("Notification {}: e-mail failed on attempt {} of {} ({}); giving up", id, attempt,
                    properties.emailMaxAttempts(), failure.getClass().getSimpleName());
            return;
        }
        Instant next = clock.instant().plus(delayAfter(attempt, properties.emailRetryDelay()));
        outbox.retryAt(id, next);
        log.warn("Notification {}: e-mail failed on attempt {} of {} ({}); retrying at {}", id, attempt,
                properties.emailMaxAttempts(), failure.getClass().getSimpleName(), next);
    }

    /** Returns the wait after the given failed attempt: the first delay, doubled for each further attempt. */
    static Duration delayAfter(int attempt, Duration first) {
        return first.multipliedBy(1L << Math.min(attempt - 1, 16));
    }

    private @Nullable String siteAddress() {
        if (chibo.publicUrl() == null) {
            return null;
        }
        String address = chibo.publicUrl().toString();
        return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }

    private static Locale localeOf(AccountRecord account) {
        return Locale.of(account.language() == null ? "vi" : account.language());
    }
}
