package vn.chibo.meeting;

import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import vn.chibo.member.MemberId;

/**
 * Advice for the cell's secretary that a member was absent without reason in at least the configured
 * number of calendar months of one year (three by default). The cell decides what to do; nothing is
 * done to the member automatically.
 *
 * @param months the months of the year with at least one unexcused absence, in order
 * @param absences the meetings missed without reason, in order, which make up the reason of the flag
 */
public record AbsenceFlag(MemberId memberId, int year, List<Month> months, List<AttendanceRecord> absences) {

    public AbsenceFlag {
        months = List.copyOf(months);
        absences = List.copyOf(absences);
    }

    /**
     * Returns the flag of the member for the year, or empty when the member was absent without reason
     * in fewer than {@code threshold} months of it. Months and years are those of the meeting's start in
     * {@code zone}; excused absences and presences do not count, and several absences in one month
     * count as one month.
     */
    static Optional<AbsenceFlag> of(MemberId member, int year, List<AttendanceRecord> history, int threshold,
            ZoneId zone) {
        List<AttendanceRecord> absences = history.stream()
                .filter(AttendanceRecord::isUnexcusedAbsence)
                .filter(record -> record.startsAt().atZone(zone).getYear() == year)
                .sorted((first, second) -> first.startsAt().compareTo(second.startsAt()))
                .toList();
        var months = new TreeSet<Month>();
        for (AttendanceRecord absence : absences) {
            months.add(YearMonth.from(absence.startsAt().atZone(zone)).getMonth());
        }

        if (months.size() < threshold) {
            return Optional.empty();
        }
        return Optional.of(new AbsenceFlag(member, year, List.copyOf(months), absences));
    }
}
