package vn.chibo.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as Vietnamese readers expect them: dd/MM/yyyy and a 24-hour clock, in the
 * configured zone. Templates use it as {@code ${@formats.dateTime(meeting.startsAt)}}. Wherever a
 * time is shown to a person, the {@code ...InZone} methods add the zone in the request's language,
 * such as "19:30 (giờ Việt Nam, UTC+7)", so that a member abroad reads it right.
 */
@Component("formats")
public class Formats {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ZoneId zone;
    private final MessageSource messages;

    public Formats(ChiboProperties properties, MessageSource messages) {
        this.zone = properties.zone();
        this.messages = messages;
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

    /** Returns the time with the zone, such as "19:30 (giờ Việt Nam, UTC+7)", or "" for null. */
    public String timeInZone(@Nullable Instant instant) {
        return instant == null ? "" : inZone(time(instant), instant);
    }

    /**
     * Returns the time with the zone named in the given language, for documents such as the minutes whose
     * language does not follow the reader's.
     */
    public String timeInZone(Instant instant, Locale locale) {
        return messages.getMessage("time.inZone", new Object[] { time(instant), zoneLabel(instant, locale) }, locale);
    }

    /**
     * Returns date and time with the zone named in the given language, for texts such as e-mails whose
     * language is the recipient's, not the request's.
     */
    public String dateAndTimeInZone(Instant instant, Locale locale) {
        return messages.getMessage("time.inZone", new Object[] { date(instant) + " " + time(instant),
                zoneLabel(instant, locale) }, locale);
    }

    private String zoneLabel(Instant instant, Locale locale) {
        String offset = offset(zone.getRules().getOffset(instant));
        return zone.equals(VIETNAM) ? messages.getMessage("time.zone.vietnam", new Object[] { offset }, locale)
                : messages.getMessage("time.zone.other", new Object[] { zone.getId(), offset }, locale);
    }

    /** Returns time and date with the zone, such as "19:30 20/12/2026 (giờ Việt Nam, UTC+7)", or "" for null. */
    public String dateTimeInZone(@Nullable Instant instant) {
        return instant == null ? "" : inZone(dateTime(instant), instant);
    }

    /** Returns date and time with the zone, such as "20/12/2026 19:30 (giờ Việt Nam, UTC+7)", or "" for null. */
    public String dateAndTimeInZone(@Nullable Instant instant) {
        return instant == null ? "" : inZone(date(instant) + " " + time(instant), instant);
    }

    /**
     * Returns the text, which shows a time at the instant, followed by the zone, as in
     * "20/12/2026 19:30 – 21:00 (giờ Việt Nam, UTC+7)".
     */
    public String inZone(String text, Instant instant) {
        return message("time.inZone", text, zoneLabel(instant));
    }

    /** Returns the zone as the request's language names it, with its offset from UTC at the instant. */
    public String zoneLabel(Instant instant) {
        String offset = offset(zone.getRules().getOffset(instant));
        if (zone.equals(VIETNAM)) {
            return message("time.zone.vietnam", offset);
        }
        return message("time.zone.other", zone.getId(), offset);
    }

    /** Returns the offset as "+7", "-3" or "+5:30"; "" for UTC itself. */
    static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "";
        }
        int hours = Math.abs(seconds) / 3600;
        int minutes = Math.abs(seconds) % 3600 / 60;
        return (seconds < 0 ? "-" : "+") + hours + (minutes == 0 ? "" : ":" + String.format("%02d", minutes));
    }

    /** Resolves the message in the request's language, or in Vietnamese outside a request. */
    private String message(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocaleContext() == null ? WebConfiguration.VIETNAMESE
                : LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, locale);
    }
}
