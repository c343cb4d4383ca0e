package vn.chibo.system;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases in {@code scheduled_job_lock} for scheduled jobs that must run on one node at a time. A node
 * runs a job only after it moved the job's {@code locked_until} from the past to the end of its lease in
 * one update, so the job runs at most once per lease across all nodes. A migration inserts each job's
 * row; a job without a row never gets a lease.
 */
@Component
public class ScheduledJobLease {

    private final JdbcClient jdbc;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    ScheduledJobLease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the job's lease until {@code now + length}, and returns false when another run holds it. */
    public boolean claim(String job, Instant now, Duration length) {
        return jdbc.sql("""
                update scheduled_job_lock set locked_until = :until, locked_by = :node
                where name = :name and locked_until <= :now
                """)
                .param("until", JdbcTime.param(now.plus(length)))
                .param("node", node)
                .param("name", job)
                .param("now", JdbcTime.param(now))
                .update() == 1;
    }

    /** Returns the name of this node as the lease records it: the JVM's process id and host name. */
    public String node() {
        return node;
    }
}
