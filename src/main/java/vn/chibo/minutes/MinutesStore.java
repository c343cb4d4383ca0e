package vn.chibo.minutes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingId;
import vn.chibo.system.JdbcTime;

/**
 * Stores the minutes, one row per meeting and one row per agenda item. The generated sections are
 * stored one paragraph a line. Every change checks and raises the version.
 */
@Component
class MinutesStore {

    private static final String SELECT = """
            select id, meeting_id, committee_name, cell_name, place_and_date, title, opening, people, attendance,
                   votes, closing, guests, other_matters, chair_name, minute_taker_name, status, drafted_at,
                   updated_at, updated_by, chair_approved_at, taker_approved_at, version
            from minutes
            """;

    private final JdbcClient jdbc;

    MinutesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Minutes> find(MeetingId meeting) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query((row, number) -> map(row, List.of()))
                .optional()
                .map(minutes -> withItems(minutes, itemsOf(minutes.id())));
    }

    /**
     * Stores the draft unless the meeting has minutes already, as after a repeated event.
     *
     * @return the id of the new minutes, or empty if there were minutes already
     */
    Optional<Long> insertIfAbsent(MeetingId meeting, MinutesDraft draft, Instant now) {
        var keys = new GeneratedKeyHolder();
        MinutesFacts facts = draft.facts();
        int inserted = jdbc.sql("""
                insert into minutes (meeting_id, committee_name, cell_name, place_and_date, title, opening, people,
                                     attendance, votes, closing, chair_name, minute_taker_name, status, drafted_at,
                                     updated_at)
                values (:meeting, :committeeName, :cellName, :placeAndDate, :title, :opening, :people, :attendance,
                        :votes, :closing, :chairName, :minuteTakerName, 'DRAFT', :now, :now)
                on conflict do nothing
                """)
                .param("meeting", meeting.value())
                .param("committeeName", draft.committeeName())
                .param("cellName", draft.cellName())
                .param("placeAndDate", draft.placeAndDate())
                .param("title", draft.title())
                .param("opening", String.join("\n", facts.opening()))
                .param("people", String.join("\n", facts.people()))
                .param("attendance", String.join("\n", facts.attendance()))
                .param("votes", String.join("\n", facts.votes()))
                .param("closing", facts.closing())
                .param("chairName", draft.chairName())
                .param("minuteTakerName", draft.minuteTakerName())
                .param("now", JdbcTime.param(now))
                .update(keys, "id");
        if (inserted != 1) {
            return Optional.empty();
        }
        long id = keys.getKey().longValue();
        for (MinutesItem item : draft.items()) {
            jdbc.sql("""
                    insert into minutes_item (minutes_id, position, title, description, speakers)
                    values (:minutes, :position, :title, :description, :speakers)
                    """)
                    .param("minutes", id)
                    .param("position", item.number())
                    .param("title", item.title())
                    .param("description", item.description())
                    .param("speakers", item.speakers())
                    .update();
        }
        return Optional.of(id);
    }

    /**
     * Marks draft minutes as edited by the account at this moment, raises the version and clears both
     * approvals. The caller then writes the new text in the same transaction.
     *
     * @return false if the minutes changed since the given version or are approved
     */
    boolean markEdited(long id, int version, long updatedBy, Instant now) {
        return jdbc.sql("""
                update minutes set updated_at = :now, updated_by = :updatedBy,
                                   chair_approved_at = null, chair_approved_by = null,
                                   taker_approved_at = null, taker_approved_by = null, version = version + 1
                where id = :id and version = :version and status = 'DRAFT'
                """)
                .param("now", JdbcTime.param(now))
                .param("updatedBy", updatedBy)
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    void updateGuests(long id, String guests) {
        jdbc.sql("update minutes set guests = :guests where id = :id")
                .param("guests", guests)
                .param("id", id)
                .update();
    }

    void updateOtherMatters(long id, String otherMatters) {
        jdbc.sql("update minutes set other_matters = :otherMatters where id = :id")
                .param("otherMatters", otherMatters)
                .param("id", id)
                .update();
    }

    void updateItem(long id, int number, String content, String speakers, String conclusion) {
        jdbc.sql("""
                update minutes_item set content = :content, speakers = :speakers, conclusion = :conclusion
                where minutes_id = :id and position = :position
                """)
                .param("content", content)
                .param("speakers", speakers)
                .param("conclusion", conclusion)
                .param("id", id)
                .param("position", number)
                .update();
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

    private List<MinutesItem> itemsOf(long minutes) {
        return jdbc.sql("""
                select position, title, description, content, speakers, conclusion from minutes_item
                where minutes_id = :minutes order by position
                """)
                .param("minutes", minutes)
                .query((row, number) -> new MinutesItem(row.getInt("position"), row.getString("title"),
                        row.getString("description"), row.getString("content"), row.getString("speakers"),
                        row.getString("conclusion")))
                .list();
    }

    private static Minutes withItems(Minutes minutes, List<MinutesItem> items) {
        MinutesNarrative narrative = minutes.narrative();
        return new Minutes(minutes.id(), minutes.meetingId(), minutes.committeeName(), minutes.cellName(),
                minutes.placeAndDate(), minutes.title(), minutes.facts(),
                new MinutesNarrative(narrative.guests(), items, narrative.otherMatters()), minutes.chairName(),
                minutes.minuteTakerName(), minutes.status(), minutes.draftedAt(), minutes.updatedAt(),
                minutes.updatedBy(), minutes.chairApprovedAt(), minutes.takerApprovedAt(), minutes.version());
    }

    private static Minutes map(ResultSet row, List<MinutesItem> items) throws SQLException {
        var facts = new MinutesFacts(lines(row.getString("opening")), lines(row.getString("people")),
                lines(row.getString("attendance")), lines(row.getString("votes")), row.getString("closing"));
        var narrative = new MinutesNarrative(row.getString("guests"), items, row.getString("other_matters"));
        return new Minutes(row.getLong("id"), MeetingId.of(row.getLong("meeting_id")), row.getString("committee_name"),
                row.getString("cell_name"), row.getString("place_and_date"), row.getString("title"), facts, narrative,
                row.getString("chair_name"), row.getString("minute_taker_name"),
                MinutesStatus.valueOf(row.getString("status")), instant(row, "drafted_at"),
                instant(row, "updated_at"), row.getObject("updated_by", Long.class),
                JdbcTime.instant(row, "chair_approved_at"), JdbcTime.instant(row, "taker_approved_at"),
                row.getInt("version"));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        @Nullable Instant value = JdbcTime.instant(row, column);
        if (value == null) {
            throw new IllegalStateException("Column " + column + " of minutes is null but declared not null");
        }
        return value;
    }
}
