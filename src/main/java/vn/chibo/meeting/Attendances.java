package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.member.MemberId;
import vn.chibo.system.JdbcTime;

/**
 * The roll of each meeting, one mark per member. Writes first insert the row if it is missing
 * ({@code on conflict do nothing}, which H2 and PostgreSQL share) and then update it, so that two
 * people marking the same member at once end with one row, the last write's, and never a
 * duplicate-key error.
 */
@Component
class Attendances {

    private static final String COLUMNS = """
            a.member_id, a.status, a.absence_reason, a.recorded_at, a.arrived_at, a.left_at, m.starts_at, m.started_at
            from attendance a join meeting m on m.id = a.meeting_id
            """;

    private final JdbcClient jdbc;
    private final Duration lateAfter;
    private final ApplicationEventPublisher events;

    Attendances(JdbcClient jdbc, AttendanceProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.lateAfter = properties.lateAfter();
        this.events = events;
    }

    Map<MemberId, RollMark> of(MeetingId meeting) {
        var marks = new LinkedHashMap<MemberId, RollMark>();
        jdbc.sql("select " + COLUMNS + " where a.meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query(mapper())
                .list()
                .forEach(mark -> marks.put(mark.memberId(), mark));
        return marks;
    }

    Optional<RollMark> of(MeetingId meeting, MemberId member) {
        return jdbc.sql("select " + COLUMNS + " where a.meeting_id = :meeting and a.member_id = :member")
                .param("meeting", meeting.value())
                .param("member", member.value())
                .query(mapper())
                .optional();
    }

    /**
     * Sets the member's mark, replacing any earlier one. A presence keeps an arrival time already
     * recorded. Otherwise it takes {@code now} while the meeting is in progress, and no time when the
     * roll is kept before the start or after the end, because then the time of the mark is not the time
     * of arrival. An absence clears the arrival and leaving times.
     */
    void record(MeetingId meeting, MemberId member, AttendanceStatus status, @Nullable String absenceReason,
            long recordedBy, Instant now) {
        boolean inProgress = jdbc.sql("select status from meeting where id = :meeting")
                .param("meeting", meeting.value())
                .query(String.class)
                .optional()
                .filter(MeetingStatus.IN_PROGRESS.name()::equals)
                .isPresent();
        Instant arrivedAt = status.isPresent() && inProgress ? now : null;
        attendanceChanged(meeting);
        if (insertIfMissing(meeting, member, status, absenceReason, recordedBy, now, arrivedAt)) {
            return;
        }
        jdbc.sql("""
                update attendance set status = :status, absence_reason = :reason, recorded_by = :recordedBy,
                                      recorded_at = :now,
                                      arrived_at = case when :present then coalesce(arrived_at, :arrivedAt) end,
                                      left_at = case when :present then left_at end
                where meeting_id = :meeting and member_id = :member
                """)
                .param("status", status.name())
                .param("reason", absenceReason)
                .param("recordedBy", recordedBy)
                .param("now", JdbcTime.param(now))
                .param("present", status.isPresent())
                .param("arrivedAt", JdbcTime.param(arrivedAt))
                .param("meeting", meeting.value())
                .param("member", member.value())
                .update();
    }

    /**
     * Marks the member unless the roll already has a mark, such as one written by a check-in that
     * committed after the caller read the roll.
     */
    void recordIfMissing(MeetingId meeting, MemberId member, AttendanceStatus status, long recordedBy, Instant now) {
        insertIfMissing(meeting, member, status, null, recordedBy, now, null);
    }

    /**
     * Records the member's own arrival as {@link Arrivals} decides, locking the member's row so that
     * concurrent arrivals and marks apply one after the other.
     *
     * @param recordedBy the account that recorded the arrival, or null when the video conference
     *        provider reported it
     * @return the mark after the arrival, and whether it changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Arrivals.Outcome arrive(MeetingId meeting, MemberId member, AttendanceStatus arriving, @Nullable Long recordedBy,
            Instant now) {
        if (insertIfMissing(meeting, member, arriving, null, recordedBy, now, now)) {
            attendanceChanged(meeting);
            return new Arrivals.Outcome(arriving, now, true);
        }
        jdbc.sql("select member_id from attendance where meeting_id = :meeting and member_id = :member for update")
                .param("meeting", meeting.value())
                .param("member", member.value())
                .query(Long.class)
                .single();
        RollMark before = of(meeting, member).orElseThrow();

        Arrivals.Outcome outcome = Arrivals.arrive(before, arriving, now);
        if (outcome.changed()) {
            jdbc.sql("""
                    update attendance set status = :status, absence_reason = null, recorded_by = :recordedBy,
                                          recorded_at = :now, arrived_at = :arrivedAt, left_at = null
                    where meeting_id = :meeting and member_id = :member
                    """)
                    .param("status", outcome.status().name())
                    .param("recordedBy", recordedBy)
                    .param("now", JdbcTime.param(now))
                    .param("arrivedAt", JdbcTime.param(outcome.arrivedAt()))
                    .param("meeting", meeting.value())
                    .param("member", member.value())
                    .update();
            attendanceChanged(meeting);
        }
        return outcome;
    }

    /**
     * Records that a present member left at the given time; a second call keeps the first time.
     *
     * @return whether the member was present and had not left yet
     */
    boolean leave(MeetingId meeting, MemberId member, long recordedBy, Instant at) {
        boolean left = jdbc.sql("""
                update attendance set left_at = :at, recorded_by = :recordedBy, recorded_at = :at
                where meeting_id = :meeting and member_id = :member and left_at is null
                  and status in ('PRESENT_IN_PERSON', 'PRESENT_ONLINE')
                """)
                .param("at", JdbcTime.param(at))
                .param("recordedBy", recordedBy)
                .param("meeting", meeting.value())
                .param("member", member.value())
                .update() == 1;
        if (left) {
            attendanceChanged(meeting);
        }
        return left;
    }

    /** Takes the member's mark off the roll, so that the member counts as not recorded again. */
    void remove(MeetingId meeting, MemberId member) {
        int removed = jdbc.sql("delete from attendance where meeting_id = :meeting and member_id = :member")
                .param("meeting", meeting.value())
                .param("member", member.value())
                .update();
        if (removed > 0) {
            attendanceChanged(meeting);
        }
    }

    /**
     * Tells the live pages that the roll changed, in the caller's transaction. Marks written by
     * {@link #recordIfMissing} when a meeting closes are left out, because the close announces itself.
     */
    private void attendanceChanged(MeetingId meeting) {
        events.publishEvent(new MeetingRoomChanged(meeting, MeetingRoomChanged.Part.ATTENDANCE));
    }

    /** Inserts the mark unless the member already has one, and returns whether it did. */
    private boolean insertIfMissing(MeetingId meeting, MemberId member, AttendanceStatus status,
            @Nullable String absenceReason, @Nullable Long recordedBy, Instant now, @Nullable Instant arrivedAt) {
        return jdbc.sql("""
                insert into attendance (meeting_id, member_id, status, absence_reason, recorded_by, recorded_at,
                                        arrived_at)
                values (:meeting, :member, :status, :reason, :recordedBy, :now, :arrivedAt)
                on conflict do nothing
                """)
                .param("meeting", meeting.value())
                .param("member", member.value())
                .param("status", status.name())
                .param("reason", absenceReason)
                .param("recordedBy", recordedBy)
                .param("now", JdbcTime.param(now))
                .param("arrivedAt", JdbcTime.param(arrivedAt))
                .update() == 1;
    }

    private RowMapper<RollMark> mapper() {
        return (ResultSet row, int rowNumber) -> map(row);
    }

    private RollMark map(ResultSet row) throws SQLException {
        @Nullable Instant arrivedAt = JdbcTime.instant(row, "arrived_at");
        Instant startsAt = JdbcTime.instant(row, "starts_at");
        @Nullable Instant startedAt = JdbcTime.instant(row, "started_at");
        return new RollMark(MemberId.of(row.getLong("member_id")), AttendanceStatus.valueOf(row.getString("status")),
                row.getString("absence_reason"), JdbcTime.instant(row, "recorded_at"), arrivedAt,
                JdbcTime.instant(row, "left_at"), Arrivals.isLate(arrivedAt, startsAt, startedAt, lateAfter));
    }
}
