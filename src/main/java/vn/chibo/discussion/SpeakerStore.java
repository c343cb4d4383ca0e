package vn.chibo.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingId;
import vn.chibo.member.MemberId;
import vn.chibo.system.JdbcTime;

/** Reads and writes the rows of requests to speak and the time limits per agenda item. */
@Component
class SpeakerStore {

    private static final String SELECT = """
            select id, meeting_id, agenda_item_id, member_id, kind, subject, status, queue_position, requested_at,
                   turn_started_at, turn_ended_at, turn_limit_seconds, closed_at
            from speaker_request
            """;

    private final JdbcClient jdbc;

    SpeakerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a waiting request. Fails with {@link org.springframework.dao.DuplicateKeyException} when
     * the member has an open request on the item already.
     */
    SpeakerRequestId insert(MeetingId meeting, long agendaItem, MemberId member, long account, SpeakerKind kind,
            @Nullable String subject, int position, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into speaker_request (meeting_id, agenda_item_id, member_id, account_id, kind, subject, status,
                                             queue_position, requested_at, open_member_id)
                values (:meeting, :item, :member, :account, :kind, :subject, 'WAITING', :position, :now, :member)
                """)
                .param("meeting", meeting.value())
                .param("item", agendaItem)
                .param("member", member.value())
                .param("account", account)
                .param("kind", kind.name())
                .param("subject", subject)
                .param("position", position)
                .param("now", JdbcTime.param(now))
                .update(keys, "id");
        return SpeakerRequestId.of(keys.getKeyAs(Number.class).longValue());
    }

    Optional<SpeakerRequest> find(SpeakerRequestId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(SpeakerStore::map).optional();
    }

    /** Returns every request of the meeting in the order they were made. */
    List<SpeakerRequest> ofMeeting(MeetingId meeting) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting order by requested_at, id")
                .param("meeting", meeting.value())
                .query(SpeakerStore::map)
                .list();
    }

    /** Returns the waiting requests on the item in queue order. */
    List<SpeakerRequest> waiting(MeetingId meeting, long agendaItem) {
        return jdbc.sql(SELECT + """
                 where meeting_id = :meeting and agenda_item_id = :item and status = 'WAITING'
                 order by queue_position, requested_at, id
                """)
                .param("meeting", meeting.value())
                .param("item", agendaItem)
                .query(SpeakerStore::map)
                .list();
    }

    /** Returns the request that has the floor in the meeting, if any. */
    Optional<SpeakerRequest> speaking(MeetingId meeting) {
        return jdbc.sql(SELECT + " where speaking_meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query(SpeakerStore::map)
                .optional();
    }

    /** Returns the member's open requests in the meeting; at most one per agenda item. */
    List<SpeakerRequest> openOf(MeetingId meeting, MemberId member) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting and open_member_id = :member order by id")
                .param("meeting", meeting.value())
                .param("member", member.value())
                .query(SpeakerStore::map)
                .list();
    }

    int nextPosition(MeetingId meeting, long agendaItem) {
        Integer last = jdbc.sql("""
                select max(queue_position) from speaker_request
                where meeting_id = :meeting and agenda_item_id = :item and status = 'WAITING'
                """)
                .param("meeting", meeting.value())
                .param("item", agendaItem)
                .query(Integer.class)
                .optional()
                .orElse(null);
        return last == null ? 1 : last + 1;
    }

    /** Numbers the waiting requests 1, 2, 3… in the given order. */
    void renumber(List<SpeakerRequestId> queue) {
        for (int i = 0; i < queue.size(); i++) {
            jdbc.sql("update speaker_request set queue_position = :position where id = :id and status = 'WAITING'")
                    .param("position", i + 1)
                    .param("id", queue.get(i).value())
                    .update();
        }
    }

    void startTurn(SpeakerRequestId id, Duration limit, Instant now) {
        jdbc.sql("""
                update speaker_request
                set status = 'SPEAKING', turn_started_at = :now, turn_limit_seconds = :limit,
                    speaking_meeting_id = meeting_id
                where id = :id and status = 'WAITING'
                """)
                .param("now", JdbcTime.param(now))
                .param("limit", limit.toSeconds())
                .param("id", id.value())
                .update();
    }

    /** Ends the turn of a speaking request, which becomes heard. */
    void endTurn(SpeakerRequestId id, Instant now) {
        jdbc.sql("""
                update speaker_request
                set status = 'HEARD', turn_ended_at = :now, closed_at = :now, open_member_id = null,
                    speaking_meeting_id = null
                where id = :id and status = 'SPEAKING'
                """)
                .param("now", JdbcTime.param(now))
                .param("id", id.value())
                .update();
    }

    /** Closes a waiting request with a final status: lowered, declined or not heard. */
    void closeWaiting(SpeakerRequestId id, SpeakerRequestStatus status, Instant now) {
        jdbc.sql("""
                update speaker_request set status = :status, closed_at = :now, open_member_id = null
                where id = :id and status = 'WAITING'
                """)
                .param("status", status.name())
                .param("now", JdbcTime.param(now))
                .param("id", id.value())
                .update();
    }

    /** Returns the open requests of the meeting on other items than the given one (every item if null). */
    List<SpeakerRequest> openOutside(MeetingId meeting, @Nullable Long agendaItem) {
        List<SpeakerRequest> open = jdbc.sql(SELECT + " where meeting_id = :meeting and open_member_id is not null order by id")
                .param("meeting", meeting.value())
                .query(SpeakerStore::map)
                .list();
        return open.stream().filter(request -> agendaItem == null || request.agendaItemId() != agendaItem).toList();
    }

    boolean anyOn(MeetingId meeting, Set<Long> agendaItems) {
        return jdbc.sql("select count(*) from speaker_request where meeting_id = :meeting and agenda_item_id in (:items)")
                .param("meeting", meeting.value())
                .param("items", agendaItems)
                .query(Long.class)
                .single() > 0;
    }

    Optional<Duration> timeLimit(MeetingId meeting, long agendaItem) {
        return jdbc.sql("select limit_seconds from speaker_time_limit where meeting_id = :meeting and agenda_item_id = :item")
                .param("meeting", meeting.value())
                .param("item", agendaItem)
                .query(Long.class)
                .optional()
                .map(Duration::ofSeconds);
    }

    /** Sets the item's time limit; the caller holds the meeting's lock, so the delete and insert do not race. */
    void setTimeLimit(MeetingId meeting, long agendaItem, Duration limit) {
        jdbc.sql("delete from speaker_time_limit where meeting_id = :meeting and agenda_item_id = :item")
                .param("meeting", meeting.value())
                .param("item", agendaItem)
                .update();
        jdbc.sql("insert into speaker_time_limit (meeting_id, agenda_item_id, limit_seconds) values (:meeting, :item, :limit)")
                .param("meeting", meeting.value())
                .param("item", agendaItem)
                .param("limit", limit.toSeconds())
                .update();
    }

    /** Applies a new time limit to the turn running on the item, if any. */
    void setRunningTurnLimit(MeetingId meeting, long agendaItem, Duration limit) {
        jdbc.sql("""
                update speaker_request set turn_limit_seconds = :limit
                where speaking_meeting_id = :meeting and agenda_item_id = :item
                """)
                .param("limit", limit.toSeconds())
                .param("meeting", meeting.value())
                .param("item", agendaItem)
                .update();
    }

    private static SpeakerRequest map(ResultSet row, int number) throws SQLException {
        long limit = row.getLong("turn_limit_seconds");
        Duration turnLimit = row.wasNull() ? null : Duration.ofSeconds(limit);
        return new SpeakerRequest(SpeakerRequestId.of(row.getLong("id")), MeetingId.of(row.getLong("meeting_id")),
                row.getLong("agenda_item_id"), MemberId.of(row.getLong("member_id")),
                SpeakerKind.valueOf(row.getString("kind")), row.getString("subject"),
                SpeakerRequestStatus.valueOf(row.getString("status")), row.getInt("queue_position"),
                JdbcTime.instant(row, "requested_at"), JdbcTime.instant(row, "turn_started_at"),
                JdbcTime.instant(row, "turn_ended_at"), turnLimit, JdbcTime.instant(row, "closed_at"));
    }
}
