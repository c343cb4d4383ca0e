package vn.chibo.meeting.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.meeting.MeetingRoomChanged.Part;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link LiveNotifier} packs committed events into notifications that PostgreSQL accepts. */
class LiveNotifierPayloadTests {

    @ParameterizedTest(name = "{0} events with ids from {1} make {2} payloads")
    @CsvSource({
            "0, 1, 0",
            "1, 1, 1",
            "2, 41, 1",
            // "1000000000:987654:ATTENDANCE" is 28 bytes, and with its comma 29: 241 fit into 7,000 bytes.
            "241, 1000000000, 1",
            "242, 1000000000, 2",
            "2000, 1000000000, 9",
    })
    void packsEventsInOrderBelowTheLimit(int count, long firstId, int expectedPayloads) {
        List<LiveEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new LiveEvent(firstId + i, 987_654, Part.ATTENDANCE));
        }

        List<String> payloads = LiveNotifier.payloads(events);

        assertThat(payloads).hasSize(expectedPayloads);
        assertThat(payloads).allSatisfy(payload -> assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(LiveNotifier.MAX_PAYLOAD_BYTES));
        List<LiveEvent> read = payloads.stream().flatMap(payload -> LiveNotifier.parse(payload).stream()).toList();
        assertThat(read).containsExactlyElementsOf(events);
    }

    /** A payload of one event is written as before the batching, so both read the same. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "7:3:VOTES | 7:3:VOTES",
            "7:3:VOTES,8:3:ATTENDANCE | 7:3:VOTES;8:3:ATTENDANCE",
    })
    void readsOneOrSeveralEvents(String payload, String expected) {
        List<String> events = LiveNotifier.parse(payload).stream().map(LiveEvent::payload).toList();

        assertThat(String.join(";", events)).isEqualTo(expected);
    }
}
