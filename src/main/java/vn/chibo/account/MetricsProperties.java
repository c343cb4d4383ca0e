package vn.chibo.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Prometheus scrape ({@link MetricsScrapeAccess}).
 *
 * @param scrapePassword the password of the user "prometheus", at least 32 characters; blank to reject
 *     every request for the metrics
 */
@ConfigurationProperties("chibo.metrics")
record MetricsProperties(@Nullable String scrapePassword) {

    MetricsProperties {
        if (scrapePassword != null && !scrapePassword.isBlank() && scrapePassword.length() < 32) {
            throw new IllegalArgumentException("chibo.metrics.scrape-password (CHIBO_METRICS_SCRAPE_PASSWORD) "
                    + "must have at least 32 characters; it has " + scrapePassword.length());
        }
    }
}
