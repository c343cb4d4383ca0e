package vn.chibo.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The clock of the commune generator ({@code commune} profile). It runs with the system clock until
 * the generator sets it to a moment of the past year. The services then record meetings, ballots,
 * approvals and audit entries at the times a real year would have given them.
 */
final class CommuneClock extends Clock {

    private final AtomicReference<@Nullable Instant> setTo;
    private final ZoneId zone;

    CommuneClock() {
        this(new AtomicReference<>(), ZoneOffset.UTC);
    }

    private CommuneClock(AtomicReference<@Nullable Instant> setTo, ZoneId zone) {
        this.setTo = setTo;
        this.zone = zone;
    }

    /** Stops the clock at the given moment until the next call of this method or {@link #release()}. */
    void set(Instant moment) {
        setTo.set(moment);
    }

    /** Lets the clock follow the system clock again. */
    void release() {
        setTo.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** Returns a view in another zone that follows the same setting. */
    @Override
    public Clock withZone(ZoneId otherZone) {
        return new CommuneClock(setTo, otherZone);
    }

    @Override
    public Instant instant() {
        Instant moment = setTo.get();
        return moment != null ? moment : Instant.now();
    }
}
