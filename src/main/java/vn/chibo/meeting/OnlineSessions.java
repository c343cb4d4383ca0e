package vn.chibo.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.MemberId;
import vn.chibo.system.JdbcTime;

/**
 * Joins and leaves that a video conference provider reports for a meeting's room, kept as one session
 * per connection ({@code online_session}). A join while the meeting is in progress also marks the
 * member present online, as joining through the product does. Every method may be called again with
 * the same report, because providers retry their callbacks: a repeated report changes nothing.
 */
@Component
public class OnlineSessions {

    private static final Logger log = LoggerFactory.getLogger(OnlineSessions.class);

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Attendances attendances;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OnlineSessions(JdbcClient jdbc, Meetings meetings, Attendances attendances, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.attendances = attendances;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The effect of a reported join or leave. */
    public enum Outcome {
        /** The session was written, and for a join in a meeting in progress the member is marked present. */
        RECORDED,
        /** The same report arrived before, or the leave closes no open session: nothing changed. */
        ALREADY_RECORDED,
        /** The member is not on the roster of the meeting's cell: nothing was written. */
        NOT_ON_ROSTER,
        /** The meeting has closed or was cancelled, so its record takes no new join. */
        MEETING_ENDED
    }

    /**
     * Records that the member entered the room. Before the chair starts the meeting only the session is
     * kept, because a mark before the start does not show when the member arrived.
     *
     * @param connection the provider's id of this connection, which tells a retried report from a new join
     * @param provider the provider's name, for the audit entry
     */
    @Transactional
    public Outcome recordJoin(MeetingId id, MemberId member, String connection, Instant at, String provider) {
        Meeting meeting = meetings.lock(id);
        if (meeting.isClosed() || meeting.isCancelled()) {
            return Outcome.MEETING_ENDED;
        }
        boolean onRoster = meetings.rosterOf(meeting).stream().anyMatch(candidate -> candidate.id().equals(member));
        if (!onRoster) {
            return Outcome.NOT_ON_ROSTER;
        }

        boolean inserted = jdbc.sql("""
                insert into online_session (meeting_id, member_id, provider_session_id, joined_at)
                values (:meeting, :member, :connection, :at)
                on conflict do nothing
                """)
                .param("meeting", id.value())
                .param("member", member.value())
                .param("connection", connection)
                .param("at", JdbcTime.param(at))
                .update() == 1;
        if (!inserted) {
            return Outcome.ALREADY_RECORDED;
        }

        if (meeting.isInProgress()) {
            Arrivals.Outcome arrival = attendances.arrive(id, member, AttendanceStatus.PRESENT_ONLINE, null, at);
            if (arrival.changed()) {
                audit.record(new AuditEntry(null, meeting.cellId().value(), "attendance.joinedOnline", "meeting",
                        id.value(), "member=" + member + " status=" + arrival.status() + " reportedBy=" + provider));
            }
        }
        events.publishEvent(new MeetingRoomChanged(id, MeetingRoomChanged.Part.ATTENDANCE));
        log.info("Meeting {}: {} reports member {} in the room", id, provider, member);
        return Outcome.RECORDED;
    }

    /** Records that the connection left the room. A leave of a connection that was never reported joined changes nothing. */
    @Transactional
    public Outcome recordLeave(MeetingId id, String connection, Instant at, String provider) {
        int closed = jdbc.sql("""
                update online_session set left_at = :at
                where meeting_id = :meeting and provider_session_id = :connection and left_at is null
                  and joined_at <= :at
                """)
                .param("at", JdbcTime.param(at))
                .param("meeting", id.value())
                .param("connection", connection)
                .update();
        if (closed == 0) {
            return Outcome.ALREADY_RECORDED;
        }
        events.publishEvent(new MeetingRoomChanged(id, MeetingRoomChanged.Part.ATTENDANCE));
        log.info("Meeting {}: {} reports a connection left the room", id, provider);
        return Outcome.RECORDED;
    }

    /** Records that the provider ended the room: every connection still open left at that time. */
    @Transactional
    public Outcome recordRoomEnded(MeetingId id, Instant at, String provider) {
        int closed = jdbc.sql("""
                update online_session set left_at = :at
                where meeting_id = :meeting and left_at is null and joined_at <= :at
                """)
                .param("at", JdbcTime.param(at))
                .param("meeting", id.value())
                .update();
        if (closed == 0) {
            return Outcome.ALREADY_RECORDED;
        }
        events.publishEvent(new MeetingRoomChanged(id, MeetingRoomChanged.Part.ATTENDANCE));
        log.info("Meeting {}: {} ended the room, closing {} connections", id, provider, closed);
        return Outcome.RECORDED;
    }

    /** Returns each member's time in the meeting's room, for the members the provider reported. */
    public Map<MemberId, OnlineTime> of(Meeting meeting) {
        Map<MemberId, List<OnlineTime.Session>> sessions = new LinkedHashMap<>();
        jdbc.sql("""
                select member_id, joined_at, left_at from online_session
                where meeting_id = :meeting order by member_id, joined_at
                """)
                .param("meeting", meeting.id().value())
                .query((RowCallbackHandler) row -> sessions
                        .computeIfAbsent(MemberId.of(row.getLong("member_id")), member -> new ArrayList<>())
                        .add(new OnlineTime.Session(Objects.requireNonNull(JdbcTime.instant(row, "joined_at")),
                                JdbcTime.instant(row, "left_at"))));

        @Nullable Instant closedAt = meeting.closedAt();
        Instant windowEnd = closedAt == null ? clock.instant() : closedAt;
        Map<MemberId, OnlineTime> times = new LinkedHashMap<>();
        sessions.forEach((member, list) -> times.put(member, OnlineTime.of(list, meeting.startedAt(), windowEnd)));
        return times;
    }
}
