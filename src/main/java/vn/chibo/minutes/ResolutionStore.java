package vn.chibo.minutes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingId;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.JdbcTime;

/** Stores resolutions, one per meeting, and the last number given per cell and year. */
@Component
class ResolutionStore {

    private static final String SELECT = """
            select id, meeting_id, cell_id, committee_name, cell_name, locality, title, decisions, signer_name,
                   status, issue_year, number, place_and_date, issued_at, issued_by, drafted_at, updated_at,
                   updated_by, version
            from resolution
            """;

    private final JdbcClient jdbc;

    ResolutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Resolution> find(MeetingId meeting) {
        return jdbc.sql(SELECT + " where meeting_id = :meeting")
                .param("meeting", meeting.value())
                .query((row, number) -> map(row))
                .optional();
    }

    /** Returns the issued resolutions of the cell, the latest first. */
    List<Resolution> issuedOf(OrganizationId cell) {
        return jdbc.sql(SELECT + " where cell_id = :cell and status = 'ISSUED' order by issue_year desc, number desc")
                .param("cell", cell.value())
                .query((row, number) -> map(row))
                .list();
    }

    /**
     * Stores the draft unless the meeting has a resolution already, as after a repeated event.
     *
     * @return the id of the new resolution, or empty if there was one already
     */
    Optional<Long> insertIfAbsent(MeetingId meeting, OrganizationId cell, MinutesDraft draft, Instant now) {
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                insert into resolution (meeting_id, cell_id, committee_name, cell_name, locality, title, decisions,
                                        signer_name, status, drafted_at, updated_at)
                values (:meeting, :cell, :committeeName, :cellName, :locality, :title, :decisions, :signerName,
                        'DRAFT', :now, :now)
                on conflict do nothing
                """)
                .param("meeting", meeting.value())
                .param("cell", cell.value())
                .param("committeeName", draft.committeeName())
                .param("cellName", draft.cellName())
                .param("locality", draft.locality())
                .param("title", draft.title())
                .param("decisions", draft.decisions())
                .param("signerName", draft.chairName())
                .param("now", JdbcTime.param(now))
                .update(keys, "id");
        return inserted == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
    }

    /** @return false if the resolution changed since the given version or is issued */
    boolean updateDecisions(long id, int version, String decisions, long updatedBy, Instant now) {
        return jdbc.sql("""
                update resolution set decisions = :decisions, updated_at = :now, updated_by = :updatedBy,
                                      version = version + 1
                where id = :id and version = :version and status = 'DRAFT'
                """)
                .param("decisions", decisions)
                .param("now", JdbcTime.param(now))
                .param("updatedBy", updatedBy)
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    /**
     * Takes the next resolution number of the cell in the year. The update locks the counter's row
     * until the transaction ends, so a concurrent issue waits and then takes the number after it.
     */
    int nextNumber(OrganizationId cell, int year) {
        jdbc.sql("""
                insert into resolution_counter (cell_id, issue_year, last_number) values (:cell, :year, 0)
                on conflict do nothing
                """)
                .param("cell", cell.value())
                .param("year", year)
                .update();
        jdbc.sql("update resolution_counter set last_number = last_number + 1 where cell_id = :cell and issue_year = :year")
                .param("cell", cell.value())
                .param("year", year)
                .update();
        return jdbc.sql("select last_number from resolution_counter where cell_id = :cell and issue_year = :year")
                .param("cell", cell.value())
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    /** @return false if the resolution changed since the given version or is issued */
    boolean issue(long id, int version, int year, int number, String placeAndDate, long issuedBy, Instant now) {
        return jdbc.sql("""
                update resolution set status = 'ISSUED', issue_year = :year, number = :number,
                                      place_and_date = :placeAndDate, issued_at = :now, issued_by = :issuedBy,
                                      version = version + 1
                where id = :id and version = :version and status = 'DRAFT'
                """)
                .param("year", year)
                .param("number", number)
                .param("placeAndDate", placeAndDate)
                .param("now", JdbcTime.param(now))
                .param("issuedBy", issuedBy)
                .param("id", id)
                .param("version", version)
                .update() == 1;
    }

    private static Resolution map(ResultSet row) throws SQLException {
        return new Resolution(row.getLong("id"), MeetingId.of(row.getLong("meeting_id")),
                OrganizationId.of(row.getLong("cell_id")), row.getString("committee_name"), row.getString("cell_name"),
                row.getString("locality"), row.getString("title"), row.getString("decisions"),
                row.getString("signer_name"), ResolutionStatus.valueOf(row.getString("status")),
                row.getObject("issue_year", Integer.class), row.getObject("number", Integer.class),
                row.getString("place_and_date"), JdbcTime.instant(row, "issued_at"),
                row.getObject("issued_by", Long.class), required(row, "drafted_at"), required(row, "updated_at"),
                row.getObject("updated_by", Long.class), row.getInt("version"));
    }

    private static Instant required(ResultSet row, String column) throws SQLException {
        @Nullable Instant value = JdbcTime.instant(row, column);
        if (value == null) {
            throw new IllegalStateException("Column " + column + " of resolution is null but declared not null");
        }
        return value;
    }
}
