package vn.chibo.meeting.live;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.chibo.system.ScheduledJobLease;

/**
 * Deletes live events older than {@link LiveProperties#retention()}. Several nodes may run it: a node
 * runs it only after taking the lease {@value #JOB} in {@code scheduled_job_lock}, which lasts one
 * interval, so the job runs at most once per interval across the cluster.
 */
@Component
class LivePruning {

    static final String JOB = "live.prune";

    private static final Logger log = LoggerFactory.getLogger(LivePruning.class);

    private final LiveEventLog eventLog;
    private final LiveProperties properties;
    private final ScheduledJobLease lease;
    private final Clock clock;

    LivePruning(LiveEventLog eventLog, LiveProperties properties, ScheduledJobLease lease, Clock clock) {
        this.eventLog = eventLog;
        this.properties = properties;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chibo.live.prune-interval:10m}", initialDelayString = "${chibo.live.prune-interval:10m}")
    void scheduledRun() {
        runOnce(clock.instant());
    }

    /**
     * Deletes the events older than the retention as of {@code now}, unless another run holds the lease.
     *
     * @return the number of events deleted, or -1 when another run held the lease
     */
    int runOnce(Instant now) {
        if (!lease.claim(JOB, now, properties.pruneInterval())) {
            log.debug("Live event pruning skipped: the lease taken by an earlier run has not ended");
            return -1;
        }
        int deleted = eventLog.deleteBefore(now.minus(properties.retention()));
        log.info("Live event pruning on {} deleted {} events older than {}", lease.node(), deleted, properties.retention());
        return deleted;
    }
}
