package vn.chibo.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates and times as Vietnamese readers expect them: dd/MM/yyyy and a 24-hour clock, in the
 * configured zone. Templates use it as {@code ${@formats.dateTime(meeting.startsAt)}}.
 */
@Component("formats")
public class Formats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final ZoneId zone;

    public Formats(ChiboProperties properties) {
        this.zone = properties.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : DATE.format(local(instant));
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(local(instant));
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(local(instant));
    }
}
