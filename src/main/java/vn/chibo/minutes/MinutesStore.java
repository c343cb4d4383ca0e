package vn.chibo.minutes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingId;
import vn.chibo.system.JdbcTime;

/** Stores the minutes, one row per meeting. Every change checks and raises the version. */
@Component
class MinutesStore {

    private static final String SELECT = """
            select id, meeting_id, committee_name, cell_name, place_and_date, title, body, chair_name,
                   minute_taker_name, status, drafted_at, updated_at, chair_approved_at, taker_approved_at, version
            from minutes
            """;

    private final JdbcClient jdbc;

    MinutesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Minutes> find(MeetingId meeting) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query(MinutesStore::map)
                .optional();
    }

    /**
     * Stores the draft unless the meeting has minutes already, as after a repeated event.
     *
     * @return the id of the new minutes, or empty if there were minutes already
     */
    Optional<Long> insertIfAbsent(MeetingId meeting, MinutesDraft draft, Instant now) {
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                insert into minutes (meeting_id, committee_name, cell_name, place_and_date, title, body, chair_name,
                                     minute_taker_name, status, drafted_at, updated_at)
                values (:meeting, :committeeName, :cellName, :placeAndDate, :title, :body, :chairName,
                        :minuteTakerName, 'DRAFT', :now, :now)
                on conflict do nothing
                """)
                .param("meeting", meeting.value())
                .param("committeeName", draft.committeeName())
                .param("cellName", draft.cellName())
                .param("placeAndDate", draft.placeAndDate())
                .param("title", draft.title())
                .param("body", draft.body())
                .param("chairName", draft.chairName())
                .param("minuteTakerName", draft.minuteTakerName())
                .param("now", JdbcTime.param(now))
                .update(keys, "id");
        return inserted == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
    }

    /**
     * Replaces the text of draft minutes and clears both approvals.
     *
     * @return false if the minutes changed since the given version or are approved
     */
    boolean updateBody(long id, int version, String body, long updatedBy, Instant now) {
        return jdbc.sql("""
                update minutes set body = :body, updated_at = :now, updated_by = :updatedBy,
                                   chair_approved_at = null, chair_approved_by = null,
                                   taker_approved_at = null, taker_approved_by = null, version = version + 1
                where id = :id and version = :version and status = 'DRAFT'
                """)
                .param("body", body)
                .param("now", JdbcTime.param(now))
                .param("updatedBy", updatedBy)
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    /**
     * Records the approvals the actor gives, and the new status.
     *
     * @return false if the minutes changed since the given version
     */
    boolean approve(long id, int version, boolean asChair, boolean asMinuteTaker, long approvedBy, Instant now,
            MinutesStatus status) {
        return jdbc.sql("""
                update minutes set chair_approved_at = case when :asChair then :now else chair_approved_at end,
                                   chair_approved_by = case when :asChair then :approvedBy else chair_approved_by end,
                                   taker_approved_at = case when :asTaker then :now else taker_approved_at end,
                                   taker_approved_by = case when :asTaker then :approvedBy else taker_approved_by end,
                                   status = :status, version = version + 1
                where id = :id and version = :version and status = 'DRAFT'
                """)
                .param("asChair", asChair)
                .param("asTaker", asMinuteTaker)
                .param("now", JdbcTime.param(now))
                .param("approvedBy", approvedBy)
                .param("status", status.name())
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    private static Minutes map(ResultSet row, int rowNumber) throws SQLException {
        return new Minutes(row.getLong("id"), MeetingId.of(row.getLong("meeting_id")), row.getString("committee_name"),
                row.getString("cell_name"), row.getString("place_and_date"), row.getString("title"),
                row.getString("body"), row.getString("chair_name"), row.getString("minute_taker_name"),
                MinutesStatus.valueOf(row.getString("status")), instant(row, "drafted_at"),
                instant(row, "updated_at"), JdbcTime.instant(row, "chair_approved_at"),
                JdbcTime.instant(row, "taker_approved_at"), row.getInt("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        @Nullable Instant value = JdbcTime.instant(row, column);
        if (value == null) {
            throw new IllegalStateException("Column " + column + " of minutes is null but declared not null");
        }
        return value;
    }
}
