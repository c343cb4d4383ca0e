package vn.chibo.meeting;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.member.MemberId;
import vn.chibo.system.JdbcTime;

/**
 * Which member opened which document of a meeting: one row per member and document with the first and
 * the last opening, so that the secretary sees who has not read the papers yet.
 */
@Component
public class MeetingDocumentReads {

    private final JdbcClient jdbc;

    MeetingDocumentReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the member opened the document now; the first opening stays as it was. */
    void recordOpen(MeetingId meeting, MeetingDocumentId document, MemberId member, Instant now) {
        if (touch(document, member, now) > 0) {
            return;
        }
        int inserted = jdbc.sql("""
                insert into meeting_document_read (meeting_document_id, member_id, meeting_id, first_opened_at,
                                                   last_opened_at, open_count)
                values (:document, :member, :meeting, :now, :now, 1)
                on conflict do nothing
                """)
                .param("document", document.value())
                .param("member", member.value())
                .param("meeting", meeting.value())
                .param("now", JdbcTime.param(now))
                .update();
        if (inserted == 0) {
            // A concurrent download by the same member inserted the row first.
            touch(document, member, now);
        }
    }

    private int touch(MeetingDocumentId document, MemberId member, Instant now) {
        return jdbc.sql("""
                update meeting_document_read set last_opened_at = :now, open_count = open_count + 1
                where meeting_document_id = :document and member_id = :member
                """)
                .param("now", JdbcTime.param(now))
                .param("document", document.value())
                .param("member", member.value())
                .update();
    }

    /** Returns, for each member who opened any document of the meeting, the documents opened. */
    public Map<MemberId, Set<MeetingDocumentId>> openedBy(MeetingId meeting) {
        Map<MemberId, Set<MeetingDocumentId>> opened = new HashMap<>();
        jdbc.sql("select member_id, meeting_document_id from meeting_document_read where meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query((row, number) -> {
                    opened.computeIfAbsent(MemberId.of(row.getLong("member_id")), id -> new HashSet<>())
                            .add(MeetingDocumentId.of(row.getLong("meeting_document_id")));
                    return null;
                })
                .list();
        return opened;
    }

    /** Returns when the member first opened the document, if ever. */
    public Optional<Instant> firstOpened(MeetingDocumentId document, MemberId member) {
        return jdbc.sql("""
                select first_opened_at from meeting_document_read
                where meeting_document_id = :document and member_id = :member
                """)
                .param("document", document.value())
                .param("member", member.value())
                .query((row, number) -> JdbcTime.instant(row, "first_opened_at"))
                .optional();
    }
}
