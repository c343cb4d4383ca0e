package vn.chibo.meeting;

import java.time.LocalDate;
import java.time.YearMonth;

/** A quarter of a calendar year, numbered 1 to 4. */
public record YearQuarter(int year, int quarter) implements Comparable<YearQuarter> {

    public YearQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("A quarter is numbered 1 to 4, not " + quarter);
        }
    }

    public static YearQuarter of(YearMonth month) {
        return new YearQuarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }

    public static YearQuarter of(LocalDate date) {
        return of(YearMonth.from(date));
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (quarter - 1) * 3 + 1);
    }

    public YearQuarter previous() {
        return quarter == 1 ? new YearQuarter(year - 1, 4) : new YearQuarter(year, quarter - 1);
    }

    public YearQuarter next() {
        return quarter == 4 ? new YearQuarter(year + 1, 1) : new YearQuarter(year, quarter + 1);
    }

    @Override
    public int compareTo(YearQuarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }
}
