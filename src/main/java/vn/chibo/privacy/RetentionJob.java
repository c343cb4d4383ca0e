package vn.chibo.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.chibo.system.RetainedData;
import vn.chibo.system.ScheduledJobLease;

/**
 * Deletes data past its retention period (see {@link PrivacyProperties.Retention}). Several nodes may
 * run it: a node runs it only after taking the lease {@value #JOB} in {@code scheduled_job_lock},
 * which lasts one interval, so the job runs at most once per interval across the cluster.
 *
 * <p>The audit log is left out: its entries are chained by hash, and deleting any of them would
 * break the chain. Its retention is a documented setting for trimming whole sealed prefixes.
 */
@Component
class RetentionJob {

    static final String JOB = "privacy.retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final List<RetainedData> data;
    private final PrivacyProperties properties;
    private final ScheduledJobLease lease;
    private final Clock clock;

    RetentionJob(List<RetainedData> data, PrivacyProperties properties, ScheduledJobLease lease, Clock clock) {
        this.data = data;
        this.properties = properties;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chibo.privacy.retention.interval:6h}",
            initialDelayString = "${chibo.privacy.retention.interval:6h}")
    void scheduledRun() {
        if (properties.retention().enabled()) {
            runOnce(clock.instant());
        }
    }

    /**
     * Deletes what is past its period as of {@code now}, unless another run holds the lease.
     *
     * @return the number of rows deleted per data name, or null when another run held the lease
     */
    Map<String, Integer> runOnce(Instant now) {
        if (!lease.claim(JOB, now, properties.retention().interval())) {
            log.info("Retention job skipped: the lease taken by an earlier run has not ended");
            return null;
        }
        log.info("Retention job started on {}", lease.node());
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (RetainedData retained : data) {
            Duration period = periodOf(retained.kind());
            if (period.isZero() || period.isNegative()) {
                continue;
            }
            try {
                deleted.put(retained.name(), retained.deleteBefore(now.minus(period)));
            }
            catch (RuntimeException failure) {
                log.error("Retention job: deleting {} older than {} failed", retained.name(), period, failure);
            }
        }
        log.info("Retention job done: rows deleted {}", deleted);
        return deleted;
    }

    private Duration periodOf(RetainedData.Kind kind) {
        return switch (kind) {
            case NOTIFICATIONS -> properties.retention().notifications();
            case SIGN_IN_RECORDS -> properties.retention().signInRecords();
        };
    }
}
