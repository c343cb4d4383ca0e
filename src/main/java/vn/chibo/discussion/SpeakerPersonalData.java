package vn.chibo.discussion;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.PersonalDataSource;

/** The member's requests to speak and their turns, for their data export. */
@Component
class SpeakerPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    SpeakerPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sectionsOf(long memberId, @Nullable Long accountId) {
        var requests = jdbc.sql("""
                select id, meeting_id, agenda_item_id, kind, subject, status, requested_at, turn_started_at,
                       turn_ended_at, closed_at
                from speaker_request where member_id = :member order by requested_at, id
                """)
                .param("member", memberId)
                .query()
                .listOfRows();
        return List.of(new Section("speakerRequests", requests));
    }

    @Override
    public int order() {
        return 41;
    }
}
