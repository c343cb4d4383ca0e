package vn.chibo.minutes.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.chibo.minutes.Minutes;
import vn.chibo.minutes.MinutesBook;

/**
 * One line of the list of a meeting's minutes versions.
 *
 * @param reason why the version was started, or null for the first
 * @param requestedBy who started it, or null for the first, which the system drafted
 */
record MinutesVersionRow(int versionNo, boolean approved, @Nullable String reason, @Nullable String requestedBy,
        Instant draftedAt, @Nullable String chairName, @Nullable Instant chairApprovedAt,
        @Nullable String minuteTakerName, @Nullable Instant takerApprovedAt) {

    static MinutesVersionRow of(Minutes minutes, MinutesBook book) {
        Minutes.Correction correction = minutes.correction();
        return new MinutesVersionRow(minutes.versionNo(), minutes.isApproved(),
                correction == null ? null : correction.reason(),
                correction == null ? null : book.accountName(correction.requestedBy()).orElse(""),
                minutes.draftedAt(), minutes.chairName(), minutes.chairApprovedAt(), minutes.minuteTakerName(),
                minutes.takerApprovedAt());
    }
}
