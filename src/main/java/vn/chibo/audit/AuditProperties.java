package vn.chibo.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail.
 *
 * @param sealInterval the pause between two runs of the sealer; entries stay unsealed (outside the
 *     hash chain) for about this long after their transaction commits
 * @param sealBatchSize the maximum number of entries sealed in one transaction
 */
@ConfigurationProperties("chibo.audit")
record AuditProperties(@DefaultValue("5s") Duration sealInterval, @DefaultValue("1000") int sealBatchSize) {
}
