package vn.chibo.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications. E-mail goes out only when {@code spring.mail.host} is set.
 *
 * @param emailFrom the sender address of notification e-mails
 * @param emailMaxAttempts how often one e-mail is tried before it is given up and logged as failed
 * @param emailRetryDelay the wait after the first failed attempt; it doubles after each further one
 */
@ConfigurationProperties("chibo.notification")
record NotificationProperties(@DefaultValue("no-reply@chibo.invalid") String emailFrom,
        @DefaultValue("5") int emailMaxAttempts, @DefaultValue("1m") Duration emailRetryDelay) {

    NotificationProperties {
        if (emailMaxAttempts < 1) {
            throw new IllegalArgumentException("chibo.notification.email-max-attempts must be at least 1, but is "
                    + emailMaxAttempts);
        }
    }
}
