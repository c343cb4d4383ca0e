package vn.chibo.meeting.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.system.JdbcTime;

/** The table {@code live_event}: recent changes of meeting rooms, for pages that reconnect. */
@Component
class LiveEventLog {

    private final JdbcClient jdbc;

    LiveEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a change in the caller's transaction and returns it with its new id. */
    LiveEvent append(MeetingRoomChanged change, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into live_event (meeting_id, part, created_at) values (:meeting, :part, :now)")
                .param("meeting", change.meetingId().value())
                .param("part", change.part().name())
                .param("now", JdbcTime.param(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new LiveEvent(id, change.meetingId().value(), change.part());
    }

    /**
     * Returns, for a page whose last event was {@code lastEventId}, the parts of the meeting that changed
     * since, each once with its latest id, oldest first. When events after that id may already have been
     * pruned, it returns every part instead, so that the page fetches all of them again.
     */
    List<LiveEvent> since(long meetingId, long lastEventId) {
        Long oldest = jdbc.sql("select min(id) from live_event").query(Long.class).optional().orElse(null);
        if (oldest != null && oldest > lastEventId + 1) {
            long latest = jdbc.sql("select max(id) from live_event").query(Long.class).single();
            List<LiveEvent> all = new ArrayList<>();
            for (MeetingRoomChanged.Part part : MeetingRoomChanged.Part.values()) {
                all.add(new LiveEvent(latest, meetingId, part));
            }
            return all;
        }
        return jdbc.sql("""
                select part, max(id) as id from live_event
                where meeting_id = :meeting and id > :last
                group by part order by max(id)
                """)
                .param("meeting", meetingId)
                .param("last", lastEventId)
                .query((row, number) -> new LiveEvent(row.getLong("id"), meetingId,
                        MeetingRoomChanged.Part.valueOf(row.getString("part"))))
                .list();
    }

    /** Deletes events stored before the instant and returns how many. */
    int deleteBefore(Instant instant) {
        return jdbc.sql("delete from live_event where created_at < :before")
                .param("before", JdbcTime.param(instant))
                .update();
    }
}
