package vn.chibo.meeting;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.PersonalDataSource;

/**
 * A member's answers to meetings, place on the roll, time in video conference rooms and document reads,
 * for their data export.
 */
@Component
class MeetingPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    MeetingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        var responses = rows("""
                select r.meeting_id, m.title, m.starts_at, r.answer, r.reason, r.reason_decision, r.decided_at,
                       r.answered_at
                from meeting_response r join meeting m on m.id = r.meeting_id
                where r.member_id = :member order by m.starts_at, r.meeting_id
                """, memberId);
        var attendance = rows("""
                select a.meeting_id, m.title, m.starts_at, a.status, a.absence_reason, a.arrived_at, a.left_at,
                       a.recorded_at
                from attendance a join meeting m on m.id = a.meeting_id
                where a.member_id = :member order by m.starts_at, a.meeting_id
                """, memberId);
        var reads = rows("""
                select meeting_id, meeting_document_id, first_opened_at, last_opened_at, open_count
                from meeting_document_read where member_id = :member order by meeting_id, meeting_document_id
                """, memberId);
        var onlineSessions = rows("""
                select meeting_id, joined_at, left_at from online_session
                where member_id = :member order by meeting_id, joined_at
                """, memberId);
        return List.of(new Section("meetingResponses", responses), new Section("attendance", attendance),
                new Section("onlineSessions", onlineSessions), new Section("documentReads", reads));
    }

    private List<Map<String, @Nullable Object>> rows(String sql, long memberId) {
        return jdbc.sql(sql).param("member", memberId).query().listOfRows();
    }

    @Override
    public int order() {
        return 30;
    }
}
