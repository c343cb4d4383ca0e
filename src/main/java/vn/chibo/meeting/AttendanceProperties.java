package vn.chibo.meeting;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of check-in and attendance history.
 *
 * @param checkInKey the key (at least 32 characters) that signs the check-in codes; blank to use the
 *        key kept in {@code checkInKeyFile}
 * @param checkInKeyFile where a generated key is kept when none is configured; written once
 * @param codePeriod how long one check-in code is shown. A code is accepted during its own period and
 *        the next one, so that a slow scan still counts.
 * @param lateAfter how long after the start (the planned one, or the actual one if later) an arrival still
 *        counts as on time
 * @param flagAfterMonths the number of calendar months of one year with an unexcused absence from
 *        which a member is flagged to the cell's secretary
 */
@ConfigurationProperties("chibo.attendance")
record AttendanceProperties(@Nullable String checkInKey,
        @DefaultValue("./data/check-in-key") Path checkInKeyFile, @DefaultValue("30s") Duration codePeriod,
        @DefaultValue("15m") Duration lateAfter, @DefaultValue("3") int flagAfterMonths) {

    AttendanceProperties {
        if (codePeriod.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("chibo.attendance.code-period must be at least 5 seconds, but is "
                    + codePeriod);
        }
        if (lateAfter.isNegative()) {
            throw new IllegalArgumentException("chibo.attendance.late-after must not be negative, but is " + lateAfter);
        }
        if (flagAfterMonths < 1 || flagAfterMonths > 12) {
            throw new IllegalArgumentException("chibo.attendance.flag-after-months must be between 1 and 12, but is "
                    + flagAfterMonths);
        }
    }
}
