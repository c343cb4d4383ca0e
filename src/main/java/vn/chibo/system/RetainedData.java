package vn.chibo.system;

import java.time.Instant;

/**
 * A module's data that is kept only for a period: the retention job deletes what is older than the
 * period configured for its kind. Each module implements it for its own tables.
 */
public interface RetainedData {

    /** The retention period that applies. */
    enum Kind {
        /** Notifications, counted from when they were created. */
        NOTIFICATIONS,
        /** Failed sign-in counters, sessions and API tokens, counted from their last failure or expiry. */
        SIGN_IN_RECORDS
    }

    Kind kind();

    /** Returns a short name for logs, such as {@code notification}. */
    String name();

    /** Deletes the rows older than the cutoff; returns how many rows were deleted. */
    int deleteBefore(Instant cutoff);
}
