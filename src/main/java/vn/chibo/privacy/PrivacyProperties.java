package vn.chibo.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of members' data rights and of data retention.
 *
 * @param exportLimit the maximum number of data exports a member may download within {@code exportWindow}
 * @param exportWindow the period over which {@code exportLimit} counts
 * @param retention how long each kind of data is kept before the retention job removes it
 */
@ConfigurationProperties("chibo.privacy")
public record PrivacyProperties(@DefaultValue("3") int exportLimit, @DefaultValue("24h") Duration exportWindow,
        @DefaultValue Retention retention) {

    /**
     * Retention periods. A zero or negative period keeps that kind of data for ever.
     *
     * @param enabled whether the retention job runs at all
     * @param interval the wait between two runs of the job
     * @param notifications read and unread notifications, counted from when they were created
     * @param signInRecords expired sessions, expired API tokens and failed sign-in counters, counted from
     *        their expiry or last failure
     */
    public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("6h") Duration interval,
            @DefaultValue("365d") Duration notifications, @DefaultValue("90d") Duration signInRecords) {
    }
}
