package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.JdbcTime;
import vn.chibo.system.SharedRowLock;

/**
 * Reads one meeting with its agenda by hand-written SQL, for the reads that every request about a
 * meeting makes. Saving still goes through {@link MeetingRepository}, which checks the version.
 *
 * <p>Why not the repository: in a profile of the meeting evening, Spring Data JDBC's generic mapping of
 * the aggregate (a converter and reflection per column, and a second query for the agenda) took
 * about half of the time that an API check-in or ballot spent in the product's own code.
 */
@Component
class MeetingRows {

    private static final String MEETING_COLUMNS = """
            m.id, m.cell_id, m.kind, m.mode, m.title, m.starts_at, m.planned_end_at, m.place, m.online_link,
            m.chair_member_id, m.minute_taker_member_id, m.status, m.created_by, m.created_at, m.published_at,
            m.closed_at, m.started_at, m.cancelled_at, m.cancel_reason, m.minutes_approved_at, m.combined_session,
            m.current_agenda_item_id, m.current_item_since, m.version""";

    private final JdbcClient jdbc;
    private final String sharedLock;

    MeetingRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.sharedLock = SharedRowLock.clauseFor(dataSource);
    }

    /** Reads the meeting and its agenda in one statement. */
    Optional<Meeting> find(long id) {
        var row = new AtomicReference<MeetingRow>();
        var agenda = new ArrayList<AgendaItem>();
        jdbc.sql("select " + MEETING_COLUMNS + """
                , a.id as agenda_id, a.title as agenda_title, a.description as agenda_description
                from meeting m left join agenda_item a on a.meeting_id = m.id
                where m.id = :id
                order by a.position
                """)
                .param("id", id)
                .query(result -> {
                    if (row.get() == null) {
                        row.set(MeetingRow.of(result));
                    }
                    long agendaId = result.getLong("agenda_id");
                    if (!result.wasNull()) {
                        agenda.add(new AgendaItem(agendaId, result.getString("agenda_title"),
                                result.getString("agenda_description")));
                    }
                });
        return Optional.ofNullable(row.get()).map(found -> found.meeting(agenda));
    }

    /**
     * Locks the meeting's row until the caller's transaction ends and reads it with its agenda. The
     * row lock and the read are one statement, since an outer join cannot be locked on both databases.
     */
    Optional<Meeting> lock(long id) {
        return lock(id, "for update");
    }

    /**
     * Locks the meeting's row like {@link #lock(long)}, but on PostgreSQL in share mode: arrivals at
     * the same meeting then do not wait for one another, while a step that locks the row for update,
     * such as closing the meeting, waits for all of them. H2 has no shared row lock, so there arrivals
     * queue behind {@code for update} as before.
     */
    Optional<Meeting> lockShared(long id) {
        return lock(id, sharedLock);
    }

    private Optional<Meeting> lock(long id, String lockClause) {
        Optional<MeetingRow> row = jdbc.sql("select " + MEETING_COLUMNS + " from meeting m where m.id = :id " + lockClause)
                .param("id", id)
                .query((result, number) -> MeetingRow.of(result))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<AgendaItem> agenda = jdbc.sql("""
                select id, title, description from agenda_item where meeting_id = :id order by position
                """)
                .param("id", id)
                .query((result, number) -> new AgendaItem(result.getLong("id"), result.getString("title"),
                        result.getString("description")))
                .list();
        return Optional.of(row.get().meeting(agenda));
    }

    /** The meeting's own columns, read before its agenda. */
    private record MeetingRow(long id, long cellId, MeetingKind kind, MeetingMode mode, String title,
            Instant startsAt, Instant plannedEndAt, @Nullable String place,
            @Nullable String onlineLink, @Nullable Long chairMemberId, @Nullable Long minuteTakerMemberId,
            MeetingStatus status, @Nullable Long createdBy, Instant createdAt,
            @Nullable Instant publishedAt, @Nullable Instant closedAt,
            @Nullable Instant startedAt, @Nullable Instant cancelledAt,
            @Nullable String cancelReason, @Nullable Instant minutesApprovedAt, boolean combinedSession,
            @Nullable Long currentAgendaItemId, @Nullable Instant currentItemSince,
            @Nullable Integer version) {

        static MeetingRow of(ResultSet row) throws SQLException {
            return new MeetingRow(row.getLong("id"), row.getLong("cell_id"), MeetingKind.valueOf(row.getString("kind")),
                    MeetingMode.valueOf(row.getString("mode")), row.getString("title"),
                    JdbcTime.instant(row, "starts_at"), JdbcTime.instant(row, "planned_end_at"), row.getString("place"),
                    row.getString("online_link"), nullableLong(row, "chair_member_id"),
                    nullableLong(row, "minute_taker_member_id"), MeetingStatus.valueOf(row.getString("status")),
                    nullableLong(row, "created_by"), JdbcTime.instant(row, "created_at"),
                    JdbcTime.instant(row, "published_at"), JdbcTime.instant(row, "closed_at"),
                    JdbcTime.instant(row, "started_at"), JdbcTime.instant(row, "cancelled_at"),
                    row.getString("cancel_reason"), JdbcTime.instant(row, "minutes_approved_at"),
                    row.getBoolean("combined_session"), nullableLong(row, "current_agenda_item_id"),
                    JdbcTime.instant(row, "current_item_since"), nullableInteger(row, "version"));
        }

        Meeting meeting(List<AgendaItem> agenda) {
            return new Meeting(id, cellId, kind, mode, title, startsAt, plannedEndAt, place, onlineLink, chairMemberId,
                    minuteTakerMemberId, status, createdBy, createdAt, publishedAt, closedAt, startedAt, cancelledAt,
                    cancelReason, minutesApprovedAt, combinedSession, currentAgendaItemId, currentItemSince, version,
                    agenda);
        }
    }

    private static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static @Nullable Integer nullableInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
