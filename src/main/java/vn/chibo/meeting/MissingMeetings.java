package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The months without a regular meeting and the quarters without a thematic meeting that a cell
 * held, as the rule "one regular meeting a month, at least one thematic meeting a quarter" counts
 * them.
 *
 * <p>A meeting counts once it took place: closed, or closed with approved minutes. Drafts,
 * meetings not yet held and cancelled meetings never count. It counts in the month and quarter of
 * its planned start, in the configured zone. A thematic meeting never counts as the month's
 * regular one, while a combined session (a regular meeting flagged as also thematic) counts for both.
 *
 * <p>The look-back covers the calendar year of the last full month (for months) and of the last
 * full quarter (for quarters), up to and including them, so that in January the secretary still
 * sees what the past year lacked. The current month and quarter are never missing yet. Nothing is
 * counted before the cell existed on the platform: the first month checked is the month of its
 * creation when it was created on the 1st, and the next month otherwise; the first quarter checked
 * is the first one that begins on or after that month.
 *
 * @param months the months without a regular meeting that took place, the earliest first
 * @param quarters the quarters without a thematic meeting that took place, the earliest first
 * @param checkedFrom the first month checked, or null when no full month is checked yet
 */
public record MissingMeetings(List<YearMonth> months, List<YearQuarter> quarters, @Nullable YearMonth checkedFrom) {

    public MissingMeetings {
        months = List.copyOf(months);
        quarters = List.copyOf(quarters);
    }

    public boolean isEmpty() {
        return months.isEmpty() && quarters.isEmpty();
    }

    /** Returns the missing months as "MM/yyyy", joined by commas, the way Vietnamese documents name them. */
    public String monthList() {
        return String.join(", ", months.stream().map(MissingMeetings::label).toList());
    }

    public String checkedFromLabel() {
        return checkedFrom == null ? "" : label(checkedFrom);
    }

    private static String label(YearMonth month) {
        return String.format("%02d/%d", month.getMonthValue(), month.getYear());
    }

    /**
     * One meeting as the rule sees it.
     *
     * @param date the day of its planned start, in the configured zone
     */
    public record Held(MeetingKind kind, boolean combinedSession, MeetingStatus status, LocalDate date) {

        boolean countsAsRegular() {
            return status.isOver() && kind == MeetingKind.REGULAR;
        }

        boolean countsAsThematic() {
            return status.isOver() && (kind == MeetingKind.THEMATIC || combinedSession);
        }
    }

    /**
     * Computes what a cell misses.
     *
     * @param meetings the cell's meetings, of any status
     * @param cellCreated the day the cell was created on the platform, in the configured zone
     * @param today today in the configured zone
     */
    public static MissingMeetings of(Collection<Held> meetings, LocalDate cellCreated, LocalDate today) {
        YearMonth firstCounted = cellCreated.getDayOfMonth() == 1 ? YearMonth.from(cellCreated)
                : YearMonth.from(cellCreated).plusMonths(1);

        Set<YearMonth> regular = new HashSet<>();
        Set<YearQuarter> thematic = new HashSet<>();
        for (Held meeting : meetings) {
            if (meeting.countsAsRegular()) {
                regular.add(YearMonth.from(meeting.date()));
            }
            if (meeting.countsAsThematic()) {
                thematic.add(YearQuarter.of(meeting.date()));
            }
        }

        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        YearMonth monthsFrom = later(YearMonth.of(lastMonth.getYear(), 1), firstCounted);
        var months = new ArrayList<YearMonth>();
        for (YearMonth month = monthsFrom; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            if (!regular.contains(month)) {
                months.add(month);
            }
        }

        YearQuarter lastQuarter = YearQuarter.of(today).previous();
        YearQuarter firstQuarter = YearQuarter.of(firstCounted);
        if (firstQuarter.firstMonth().isBefore(firstCounted)) {
            firstQuarter = firstQuarter.next();
        }
        YearQuarter quartersFrom = later(new YearQuarter(lastQuarter.year(), 1), firstQuarter);
        var quarters = new ArrayList<YearQuarter>();
        for (YearQuarter quarter = quartersFrom; quarter.compareTo(lastQuarter) <= 0; quarter = quarter.next()) {
            if (!thematic.contains(quarter)) {
                quarters.add(quarter);
            }
        }
        return new MissingMeetings(months, quarters, monthsFrom.isAfter(lastMonth) ? null : monthsFrom);
    }

    private static <T extends Comparable<? super T>> T later(T first, T second) {
        return first.compareTo(second) >= 0 ? first : second;
    }
}
