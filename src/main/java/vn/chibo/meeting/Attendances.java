package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.member.MemberId;
import vn.chibo.system.JdbcTime;

/** The roll of each meeting, one mark per member. */
@Component
class Attendances {

    private final JdbcClient jdbc;

    Attendances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<MemberId, RollMark> of(MeetingId meeting) {
        var marks = new LinkedHashMap<MemberId, RollMark>();
        jdbc.sql("select member_id, status, absence_reason, recorded_at from attendance where meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query(Attendances::map)
                .list()
                .forEach(mark -> marks.put(mark.memberId(), mark));
        return marks;
    }

    Optional<RollMark> of(MeetingId meeting, MemberId member) {
        return jdbc.sql("""
                select member_id, status, absence_reason, recorded_at from attendance
                where meeting_id = :meeting and member_id = :member
                """)
                .param("meeting", meeting.value())
                .param("member", member.value())
                .query(Attendances::map)
                .optional();
    }

    /** Sets the member's mark, replacing any earlier one. */
    void record(MeetingId meeting, MemberId member, AttendanceStatus status, @Nullable String absenceReason,
            long recordedBy, Instant now) {
        int updated = jdbc.sql("""
                update attendance set status = :status, absence_reason = :reason, recorded_by = :recordedBy,
                                      recorded_at = :now
                where meeting_id = :meeting and member_id = :member
                """)
                .param("status", status.name())
                .param("reason", absenceReason)
                .param("recordedBy", recordedBy)
                .param("now", JdbcTime.param(now))
                .param("meeting", meeting.value())
                .param("member", member.value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into attendance (meeting_id, member_id, status, absence_reason, recorded_by, recorded_at)
                    values (:meeting, :member, :status, :reason, :recordedBy, :now)
                    """)
                    .param("meeting", meeting.value())
                    .param("member", member.value())
                    .param("status", status.name())
                    .param("reason", absenceReason)
                    .param("recordedBy", recordedBy)
                    .param("now", JdbcTime.param(now))
                    .update();
        }
    }

    /** Takes the member's mark off the roll, so that the member counts as not recorded again. */
    void remove(MeetingId meeting, MemberId member) {
        jdbc.sql("delete from attendance where meeting_id = :meeting and member_id = :member")
                .param("meeting", meeting.value())
                .param("member", member.value())
                .update();
    }

    private static RollMark map(ResultSet row, int rowNumber) throws SQLException {
        return new RollMark(MemberId.of(row.getLong("member_id")), AttendanceStatus.valueOf(row.getString("status")),
                row.getString("absence_reason"), JdbcTime.instant(row, "recorded_at"));
    }
}
