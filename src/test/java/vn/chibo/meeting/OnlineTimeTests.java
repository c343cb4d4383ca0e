package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The time a member spent in the video room, from the reported connections, within the meeting's window. */
class OnlineTimeTests {

    static final Instant START = Instant.parse("2026-12-20T12:30:00Z");

    /**
     * Each case gives connections as "join-leave" in minutes after the start, separated by spaces, with an
     * empty leave for an open connection. The meeting's window runs from the start to 120 minutes after it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0-60            | 60",
        "-10-30          | 30",
        "100-150         | 20",
        "0-30 45-60      | 45",
        "0-60 10-20      | 60",
        "0-40 30-70      | 70",
        "90-             | 30",
        "0-30 20-        | 120",
        "130-140         | 0"
    })
    void spentCountsOverlapsOnce(String connections, long expectedMinutes) {
        OnlineTime time = OnlineTime.of(sessions(connections), START, START.plus(Duration.ofMinutes(120)));

        assertThat(time.spent()).isEqualTo(Duration.ofMinutes(expectedMinutes));
        assertThat(time.spentMinutes()).isEqualTo(expectedMinutes);
    }

    @Test
    void openConnectionMeansInRoom() {
        OnlineTime time = OnlineTime.of(sessions("0-30 40-"), START, START.plus(Duration.ofMinutes(50)));

        assertThat(time.inRoom()).isTrue();
        assertThat(time.lastLeftAt()).isNull();
        assertThat(time.connections()).isEqualTo(2);
        assertThat(time.firstJoinedAt()).isEqualTo(START);
    }

    @Test
    void lastLeaveIsLatestOne() {
        OnlineTime time = OnlineTime.of(sessions("10-50 0-30"), START, START.plus(Duration.ofMinutes(120)));

        assertThat(time.inRoom()).isFalse();
        assertThat(time.lastLeftAt()).isEqualTo(START.plus(Duration.ofMinutes(50)));
        assertThat(time.firstJoinedAt()).isEqualTo(START);
    }

    @Test
    void notStartedCountsNothing() {
        OnlineTime time = OnlineTime.of(sessions("0-30"), null, START.plus(Duration.ofMinutes(40)));

        assertThat(time.spent()).isZero();
        assertThat(time.connections()).isEqualTo(1);
    }

    @Test
    void noSessionIsRejected() {
        assertThatThrownBy(() -> OnlineTime.of(List.of(), START, START)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<OnlineTime.Session> sessions(String connections) {
        List<OnlineTime.Session> sessions = new ArrayList<>();
        for (String connection : connections.strip().split("\\s+")) {
            int dash = connection.indexOf('-', 1);
            Instant joined = START.plus(Duration.ofMinutes(Long.parseLong(connection.substring(0, dash))));
            String left = connection.substring(dash + 1);
            sessions.add(new OnlineTime.Session(joined,
                    left.isEmpty() ? null : START.plus(Duration.ofMinutes(Long.parseLong(left)))));
        }
        return sessions;
    }
}
