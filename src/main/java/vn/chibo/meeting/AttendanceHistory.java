package vn.chibo.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.MemberPermissions;
import vn.chibo.member.Members;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.Formats;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;

/**
 * Members' attendance over a calendar year, and the flags of unexcused absences in several months
 * that the cell's secretary is advised to consider. A year is that of the meeting's start in the
 * configured zone. Only meetings that have ended count for flags, because their roll is final.
 */
@Component
public class AttendanceHistory {

    private static final String ENDED = "('CLOSED', 'MINUTES_APPROVED')";

    private final JdbcClient jdbc;
    private final Members members;
    private final MemberPermissions memberPermissions;
    private final CellAccess cellAccess;
    private final AuditLog audit;
    private final Formats formats;
    private final Duration lateAfter;
    private final int flagAfterMonths;

    AttendanceHistory(JdbcClient jdbc, Members members, MemberPermissions memberPermissions, CellAccess cellAccess,
            AuditLog audit, Formats formats, AttendanceProperties properties) {
        this.jdbc = jdbc;
        this.members = members;
        this.memberPermissions = memberPermissions;
        this.cellAccess = cellAccess;
        this.audit = audit;
        this.formats = formats;
        this.lateAfter = properties.lateAfter();
        this.flagAfterMonths = properties.flagAfterMonths();
    }

    /**
     * A member's attendance in one year.
     *
     * @param records every ended meeting of the member's cell, and every meeting with a mark of the member
     *        (such as one of a cell the member is attached to), in order of start
     * @param totals the number of meetings per mark
     * @param unmarked the number of meetings without a mark of the member
     * @param late the number of late arrivals
     * @param leftEarly the number of early leaves
     */
    public record MemberAttendance(Member member, int year, List<AttendanceRecord> records,
            Map<AttendanceStatus, Integer> totals, int unmarked, int late, int leftEarly,
            Optional<AbsenceFlag> flag) {
    }

    /** A flag with the member it concerns. */
    public record FlaggedMember(Member member, AbsenceFlag flag) {
    }

    /** Returns the number of months with an unexcused absence from which a member is flagged. */
    public int flagAfterMonths() {
        return flagAfterMonths;
    }

    /** Returns the year of today in the configured zone. */
    public int currentYear(Instant now) {
        return formats.local(now).getYear();
    }

    /**
     * Returns the member's attendance in the year, for those who may see the member's profile: the member,
     * those who run the cell and the committee officers above it. A read by another person is audited.
     */
    @Transactional
    public MemberAttendance ofMember(Actor actor, OrganizationId cell, MemberId id, int year) {
        memberPermissions.requireViewRoster(actor, cell);
        Member onRoster = members.findOnRoster(cell, id).orElseThrow(NotFoundException::hidden);
        memberPermissions.requireViewProfile(actor, cell, members.get(id));

        boolean self = actor.memberId() != null && actor.memberId() == id.value();
        if (!self) {
            audit.record(new AuditEntry(actor.accountId().value(), cell.value(), "attendance.historyViewed", "member",
                    id.value(), "year=" + year));
        }
        List<AttendanceRecord> records = recordsOf(onRoster, year);
        return summary(onRoster, year, records);
    }

    /** Returns the flagged members of the cell in the year, for those who run the cell, in roster order. */
    public List<FlaggedMember> flagsOf(Actor actor, OrganizationId cell, int year) {
        if (!cellAccess.canRun(actor, cell)) {
            return List.of();
        }

        Map<MemberId, List<AttendanceRecord>> absences = new LinkedHashMap<>();
        jdbc.sql("""
                select a.member_id, m.id, m.title, m.kind, m.starts_at, m.started_at, a.status, a.arrived_at, a.left_at
                from attendance a join meeting m on m.id = a.meeting_id
                where m.cell_id = :cell and a.status = 'ABSENT_UNEXCUSED' and m.status in %s
                  and m.starts_at >= :from and m.starts_at < :to
                """.formatted(ENDED))
                .param("cell", cell.value())
                .param("from", JdbcTime.param(yearStart(year)))
                .param("to", JdbcTime.param(yearStart(year + 1)))
                .query((row, number) -> Map.entry(MemberId.of(row.getLong("member_id")), record(row)))
                .list()
                .forEach(entry -> absences.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));

        var flagged = new ArrayList<FlaggedMember>();
        for (Member member : members.ofCell(cell)) {
            AbsenceFlag.of(member.id(), year, absences.getOrDefault(member.id(), List.of()), flagAfterMonths,
                    zone()).ifPresent(flag -> flagged.add(new FlaggedMember(member, flag)));
        }
        return flagged;
    }

    private List<AttendanceRecord> recordsOf(Member member, int year) {
        return jdbc.sql("""
                select m.id, m.title, m.kind, m.starts_at, m.started_at, a.status, a.arrived_at, a.left_at
                from meeting m left join attendance a on a.meeting_id = m.id and a.member_id = :member
                where m.starts_at >= :from and m.starts_at < :to
                  and (a.member_id is not null and m.status not in ('DRAFT', 'CANCELLED')
                       or m.cell_id = :cell and m.status in %s)
                order by m.starts_at, m.id
                """.formatted(ENDED))
                .param("member", member.id().value())
                .param("cell", member.cellId().value())
                .param("from", JdbcTime.param(yearStart(year)))
                .param("to", JdbcTime.param(yearStart(year + 1)))
                .query((row, number) -> record(row))
                .list();
    }

    private MemberAttendance summary(Member member, int year, List<AttendanceRecord> records) {
        var totals = new EnumMap<AttendanceStatus, Integer>(AttendanceStatus.class);
        for (AttendanceStatus status : AttendanceStatus.values()) {
            totals.put(status, 0);
        }
        int unmarked = 0;
        int late = 0;
        int leftEarly = 0;
        for (AttendanceRecord record : records) {
            if (record.status() == null) {
                unmarked++;
            }
            else {
                totals.merge(record.status(), 1, Integer::sum);
            }
            late += record.late() ? 1 : 0;
            leftEarly += record.leftAt() != null ? 1 : 0;
        }
        return new MemberAttendance(member, year, records, totals, unmarked, late, leftEarly,
                AbsenceFlag.of(member.id(), year, records, flagAfterMonths, zone()));
    }

    private AttendanceRecord record(ResultSet row) throws SQLException {
        String status = row.getString("status");
        @Nullable Instant arrivedAt = JdbcTime.instant(row, "arrived_at");
        Instant startsAt = JdbcTime.instant(row, "starts_at");
        return new AttendanceRecord(MeetingId.of(row.getLong("id")), row.getString("title"),
                MeetingKind.valueOf(row.getString("kind")), startsAt,
                status == null ? null : AttendanceStatus.valueOf(status), arrivedAt,
                JdbcTime.instant(row, "left_at"),
                Arrivals.isLate(arrivedAt, startsAt, JdbcTime.instant(row, "started_at"), lateAfter));
    }

    private Instant yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(zone()).toInstant();
    }

    private ZoneId zone() {
        return formats.zone();
    }
}
