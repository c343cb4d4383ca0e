package vn.chibo.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingId;
import vn.chibo.member.MemberId;
import vn.chibo.system.JdbcTime;

/** Reads and writes the rows of opinions and their earlier texts. */
@Component
class OpinionStore {

    private static final String SELECT = """
            select id, meeting_id, agenda_item_id, author_member_id, body, posted_at, edited_at, spoken, withdrawn_at
            from opinion
            """;

    private final JdbcClient jdbc;

    OpinionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OpinionId insert(MeetingId meeting, long agendaItem, MemberId author, long account, String body, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into opinion (meeting_id, agenda_item_id, author_member_id, author_account, body, posted_at)
                values (:meeting, :item, :author, :account, :body, :now)
                """)
                .param("meeting", meeting.value())
                .param("item", agendaItem)
                .param("author", author.value())
                .param("account", account)
                .param("body", body)
                .param("now", JdbcTime.param(now))
                .update(keys, "id");
        return OpinionId.of(keys.getKeyAs(Number.class).longValue());
    }

    /** Returns the opinion, withdrawn or not. */
    Optional<Opinion> find(OpinionId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(OpinionStore::map).optional();
    }

    /** Returns the meeting's opinions that are not withdrawn, the earliest first. */
    List<Opinion> listed(MeetingId meeting) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting and withdrawn_at is null order by posted_at, id")
                .param("meeting", meeting.value())
                .query(OpinionStore::map)
                .list();
    }

    boolean anyListedOn(MeetingId meeting, Set<Long> agendaItems) {
        return jdbc.sql("""
                select count(*) from opinion
                where meeting_id = :meeting and agenda_item_id in (:items) and withdrawn_at is null
                """)
                .param("meeting", meeting.value())
                .param("items", agendaItems)
                .query(Long.class)
                .single() > 0;
    }

    /** Replaces the text, keeping the one it replaces with the time it was written. */
    void revise(Opinion opinion, String body, Instant now) {
        jdbc.sql("""
                insert into opinion_revision (opinion_id, body, written_at, replaced_at)
                values (:id, :body, :writtenAt, :now)
                """)
                .param("id", opinion.id().value())
                .param("body", opinion.body())
                .param("writtenAt", JdbcTime.param(opinion.editedAt() == null ? opinion.postedAt() : opinion.editedAt()))
                .param("now", JdbcTime.param(now))
                .update();
        jdbc.sql("update opinion set body = :body, edited_at = :now where id = :id")
                .param("body", body)
                .param("now", JdbcTime.param(now))
                .param("id", opinion.id().value())
                .update();
    }

    /** Returns the earlier texts of the opinion, the oldest first. */
    List<String> earlierTexts(OpinionId id) {
        return jdbc.sql("select body from opinion_revision where opinion_id = :id order by replaced_at, id")
                .param("id", id.value())
                .query(String.class)
                .list();
    }

    void withdraw(OpinionId id, Instant now) {
        jdbc.sql("update opinion set withdrawn_at = :now where id = :id")
                .param("now", JdbcTime.param(now))
                .param("id", id.value())
                .update();
    }

    void markSpoken(OpinionId id, boolean spoken, long account, Instant now) {
        jdbc.sql("update opinion set spoken = :spoken, spoken_marked_by = :account, spoken_marked_at = :now where id = :id")
                .param("spoken", spoken)
                .param("account", account)
                .param("now", JdbcTime.param(now))
                .param("id", id.value())
                .update();
    }

    private static Opinion map(ResultSet row, int number) throws SQLException {
        return new Opinion(OpinionId.of(row.getLong("id")), MeetingId.of(row.getLong("meeting_id")),
                row.getLong("agenda_item_id"), MemberId.of(row.getLong("author_member_id")), row.getString("body"),
                JdbcTime.instant(row, "posted_at"), JdbcTime.instant(row, "edited_at"), row.getBoolean("spoken"),
                JdbcTime.instant(row, "withdrawn_at"));
    }
}
