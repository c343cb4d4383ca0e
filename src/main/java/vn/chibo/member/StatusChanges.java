package vn.chibo.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.organization.OrganizationId;
import vn.chibo.system.JdbcTime;

/** Stores the steps of members' status histories. */
@Component
class StatusChanges {

    private final JdbcClient jdbc;
    private final Clock clock;

    StatusChanges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A step to write.
     *
     * @param recordedBy the account that records it, or null when the platform writes it
     */
    record Step(MemberId memberId, OrganizationId cellId, StatusChangeKind kind, LocalDate effectiveDate,
            MembershipStatus membership, ActivityStatus activity, @Nullable String decidedBy,
            @Nullable String resolution, @Nullable OrganizationId hostCellId, @Nullable String hostUnit,
            @Nullable OrganizationId toCellId, @Nullable Long recordedBy) {

        /** A step that the platform or an import writes, with no one named as deciding. */
        static Step undecided(MemberId memberId, OrganizationId cellId, StatusChangeKind kind, LocalDate effectiveDate,
                MembershipStatus membership, ActivityStatus activity, @Nullable Long recordedBy) {
            return new Step(memberId, cellId, kind, effectiveDate, membership, activity, null, null, null, null, null,
                    recordedBy);
        }
    }

    /** Writes a step; it must run in the transaction that changes the member record to match. */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(Step step) {
        jdbc.sql("""
                insert into member_status_change (member_id, cell_id, kind, effective_date, membership_status,
                                                  activity_status, decided_by, resolution, host_cell_id, host_unit,
                                                  to_cell_id, recorded_by, recorded_at)
                values (:member, :cell, :kind, :effective, :membership, :activity, :decidedBy, :resolution, :hostCell,
                        :hostUnit, :toCell, :recordedBy, :now)
                """)
                .param("member", step.memberId().value())
                .param("cell", step.cellId().value())
                .param("kind", step.kind().name())
                .param("effective", step.effectiveDate())
                .param("membership", step.membership().name())
                .param("activity", step.activity().name())
                .param("decidedBy", step.decidedBy())
                .param("resolution", step.resolution())
                .param("hostCell", step.hostCellId() == null ? null : step.hostCellId().value())
                .param("hostUnit", step.hostUnit())
                .param("toCell", step.toCellId() == null ? null : step.toCellId().value())
                .param("recordedBy", step.recordedBy())
                .param("now", JdbcTime.param(clock.instant()))
                .update();
    }

    /** Returns a member's history, oldest first. */
    List<StatusChange> of(MemberId memberId) {
        return StatusRules.inOrder(jdbc.sql("""
                select id, member_id, cell_id, kind, effective_date, membership_status, activity_status, decided_by,
                       resolution, host_cell_id, host_unit, to_cell_id, recorded_by, recorded_at
                from member_status_change where member_id = :member
                """)
                .param("member", memberId.value())
                .query(StatusChanges::map)
                .list());
    }

    private static StatusChange map(ResultSet row, int rowNumber) throws SQLException {
        long recordedBy = row.getLong("recorded_by");
        Long recorder = row.wasNull() ? null : recordedBy;
        return new StatusChange(row.getLong("id"), MemberId.of(row.getLong("member_id")),
                OrganizationId.of(row.getLong("cell_id")), StatusChangeKind.valueOf(row.getString("kind")),
                row.getObject("effective_date", LocalDate.class),
                MembershipStatus.valueOf(row.getString("membership_status")),
                ActivityStatus.valueOf(row.getString("activity_status")), row.getString("decided_by"),
                row.getString("resolution"), organization(row, "host_cell_id"), row.getString("host_unit"),
                organization(row, "to_cell_id"), recorder, Objects.requireNonNull(JdbcTime.instant(row, "recorded_at")));
    }

    private static @Nullable OrganizationId organization(ResultSet row, String column) throws SQLException {
        long id = row.getLong(column);
        return row.wasNull() ? null : OrganizationId.of(id);
    }
}
