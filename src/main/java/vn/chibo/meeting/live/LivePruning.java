package vn.chibo.meeting.live;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.chibo.system.JdbcTime;

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
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    LivePruning(LiveEventLog eventLog, LiveProperties properties, JdbcClient jdbc, Clock clock) {
        this.eventLog = eventLog;
        this.properties = properties;
        this.jdbc = jdbc;
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
        if (!claimLease(now)) {
            log.debug("Live event pruning skipped: the lease taken by an earlier run has not ended");
            return -1;
        }
        int deleted = eventLog.deleteBefore(now.minus(properties.retention()));
        log.info("Live event pruning on {} deleted {} events older than {}", node, deleted, properties.retention());
        return deleted;
    }

    private boolean claimLease(Instant now) {
        return jdbc.sql("""
                update scheduled_job_lock set locked_until = :until, locked_by = :node
                where name = :name and locked_until <= :now
                """)
                .param("until", JdbcTime.param(now.plus(properties.pruneInterval())))
                .param("node", node)
                .param("name", JOB)
                .param("now", JdbcTime.param(now))
                .update() == 1;
    }
}
