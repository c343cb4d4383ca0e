package vn.chibo.meeting.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live channel of meeting pages.
 *
 * @param streamTimeout how long one event stream stays open. The browser then reconnects at once, and
 *        each reconnect counts as a request that keeps the session alive, so keep it well below the
 *        session's idle timeout.
 * @param heartbeat how often an idle stream gets a comment line, so that proxies do not close it
 * @param openBefore how long before a published meeting's planned start its pages begin to listen
 * @param keepAliveLimit how long after the start (the planned one, or the actual one if later) streams
 *        are still served for a meeting that was not closed. Past it a tab left open stops listening
 *        and no longer keeps its session alive.
 * @param retention how long recent events stay in {@code live_event} for reconnecting pages
 * @param pruneInterval how often one node deletes events older than {@code retention}
 * @param reconnectDelay how long the PostgreSQL listener waits before it opens a lost connection again
 */
@ConfigurationProperties("chibo.live")
record LiveProperties(@DefaultValue("5m") Duration streamTimeout, @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("2h") Duration openBefore, @DefaultValue("12h") Duration keepAliveLimit,
        @DefaultValue("6h") Duration retention, @DefaultValue("10m") Duration pruneInterval,
        @DefaultValue("2s") Duration reconnectDelay) {

    LiveProperties {
        requirePositive("stream-timeout", streamTimeout);
        requirePositive("heartbeat", heartbeat);
        requirePositive("retention", retention);
        requirePositive("prune-interval", pruneInterval);
        requirePositive("reconnect-delay", reconnectDelay);
        if (openBefore.isNegative() || !keepAliveLimit.isPositive()) {
            throw new IllegalArgumentException("chibo.live.open-before must not be negative and "
                    + "chibo.live.keep-alive-limit must be positive, but they are " + openBefore + " and "
                    + keepAliveLimit);
        }
        if (heartbeat.compareTo(streamTimeout) >= 0) {
            throw new IllegalArgumentException("chibo.live.heartbeat (" + heartbeat
                    + ") must be shorter than chibo.live.stream-timeout (" + streamTimeout + ")");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (!value.isPositive()) {
            throw new IllegalArgumentException("chibo.live." + name + " must be positive, but is " + value);
        }
    }
}
