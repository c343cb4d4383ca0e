package vn.chibo.meeting.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingDetailsProblem;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.web.MeetingFormData.AgendaItemFormData;
import vn.chibo.member.CellRole;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.system.Formats;
import vn.chibo.system.Option;

/**
 * Fills, reads and checks the meeting form: the defaults of a new meeting, the values of an existing
 * one, and the conversion of the typed values into {@link MeetingDetails} with every problem tied to
 * its field.
 */
@Component
class MeetingForms {

    /** The maximum length of a meeting whose end time, earlier than its start time, the form puts on the next day. */
    static final Duration MAX_OVERNIGHT_LENGTH = Duration.ofHours(12);


    /** How many items the regular meeting's usual agenda has; see the keys meeting.agenda.template.N. */
    static final int TEMPLATE_ITEMS = 9;

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter INPUT_TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Times as typed: 19:30, 19.30, 19h30, 19h or 19. */
    private static final Pattern TYPED_TIME = Pattern.compile("(\\d{1,2})(?:[:.hH](\\d{2})?)?");
    private static final LocalTime DEFAULT_START = LocalTime.of(8, 0);
    private static final LocalTime DEFAULT_END = LocalTime.of(10, 0);

    private final MessageSource messages;
    private final Formats formats;
    private final Clock clock;

    MeetingForms(MessageSource messages, Formats formats, Clock clock) {
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    /**
     * Returns the form of a new regular meeting a week from today: the title for that month, the
     * cell's secretary as chair, the place, link and minute taker of the cell's last meeting, and the
     * usual agenda.
     */
    MeetingFormData blank(List<Member> roster, Optional<Meeting> lastMeeting, Locale locale) {
        LocalDate date = LocalDate.now(clock.withZone(formats.zone())).plusWeeks(1);
        String chair = roster.stream()
                .filter(member -> member.cellRole() == CellRole.CELL_SECRETARY)
                .findFirst()
                .map(member -> member.id().toString())
                .orElse("");
        String place = lastMeeting.map(Meeting::place).orElse("");
        String link = lastMeeting.map(Meeting::onlineLink).orElse("");
        String minuteTaker = lastMeeting.map(Meeting::minuteTaker)
                .filter(id -> roster.stream().anyMatch(member -> member.id().equals(id)))
                .map(MemberId::toString)
                .orElse("");
        return new MeetingFormData(MeetingKind.REGULAR.name(), MeetingMode.IN_PERSON.name(),
                defaultTitle(MeetingKind.REGULAR, date, locale), ISO_DATE.format(date), INPUT_TIME.format(DEFAULT_START),
                INPUT_TIME.format(DEFAULT_END), place, link, chair, minuteTaker, templateAgenda(locale), false);
    }

    /** Returns the form filled with the meeting as saved. */
    MeetingFormData of(Meeting meeting) {
        ZoneId zone = formats.zone();
        return new MeetingFormData(meeting.kind().name(), meeting.mode().name(), meeting.title(),
                ISO_DATE.format(meeting.startsAt().atZone(zone)), INPUT_TIME.format(meeting.startsAt().atZone(zone)),
                INPUT_TIME.format(meeting.plannedEndAt().atZone(zone)), orEmpty(meeting.place()),
                orEmpty(meeting.onlineLink()), meeting.chair() == null ? "" : meeting.chair().toString(),
                meeting.minuteTaker() == null ? "" : meeting.minuteTaker().toString(),
                meeting.agenda().stream()
                        .map(item -> new AgendaItemFormData(item.title(), orEmpty(item.description())))
                        .toList(),
                meeting.isCombinedSession());
    }

    /** Returns the usual title of a meeting of the kind in the month of the date. */
    String defaultTitle(MeetingKind kind, LocalDate date, Locale locale) {
        String month = String.format("%02d/%d", date.getMonthValue(), date.getYear());
        return messages.getMessage("meeting.form.defaultTitle." + kind, new Object[] { month }, locale);
    }

    /** Returns the usual title of each kind with "{0}" where the month goes, for the form's script. */
    Map<String, String> usualTitles(Locale locale) {
        var titles = new LinkedHashMap<String, String>();
        for (MeetingKind kind : MeetingKind.values()) {
            titles.put(kind.name(), messages.getMessage("meeting.form.defaultTitle." + kind, new Object[] { "{0}" },
                    locale));
        }
        return titles;
    }

    /** Returns the regular meeting's usual order of business in the reader's language. */
    List<AgendaItemFormData> templateAgenda(Locale locale) {
        var items = new ArrayList<AgendaItemFormData>();
        for (int i = 1; i <= TEMPLATE_ITEMS; i++) {
            String prefix = "meeting.agenda.template." + i;
            items.add(new AgendaItemFormData(messages.getMessage(prefix + ".title", null, locale),
                    messages.getMessage(prefix + ".description", null, "", locale)));
        }
        return items;
    }

    /**
     * Reads and checks the form against the cell's roster.
     *
     * @param onlineLinkRequired whether an online or hybrid meeting needs a link of its own
     * @return the details when the form has no problem, and otherwise every problem by field
     */
    Checked check(MeetingFormData form, List<Member> roster, boolean onlineLinkRequired) {
        var problems = new ArrayList<MeetingDetailsProblem>();
        MeetingKind kind = parseEnum(MeetingKind.class, form.kind(), "kind", problems);
        MeetingMode mode = parseEnum(MeetingMode.class, form.mode(), "mode", problems);
        LocalDate date = parseDate(form.date(), problems);
        LocalTime start = parseTime(form.startTime(), "startTime", problems);
        LocalTime end = parseTime(form.endTime(), "endTime", problems);
        MemberId chair = parseMember(form.chair(), "chair", roster, problems);
        MemberId minuteTaker = parseMember(form.minuteTaker(), "minuteTaker", roster, problems);

        // Fields that failed to parse get stand-ins, so that the rules on the other fields still run
        // and the form shows every problem at once. The stand-ins never reach a saved meeting.
        boolean timesKnown = date != null && start != null && end != null;
        Instant startsAt = timesKnown ? date.atTime(start).atZone(formats.zone()).toInstant() : Instant.EPOCH;
        Instant endsAt = timesKnown ? endOf(date, start, end).atZone(formats.zone()).toInstant()
                : Instant.EPOCH.plusSeconds(7200);
        List<AgendaItem> agenda = form.agenda().stream()
                .map(item -> new AgendaItem(item.title(), item.description().isBlank() ? null : item.description()))
                .toList();
        var details = new MeetingDetails(kind == null ? MeetingKind.REGULAR : kind,
                mode == null ? MeetingMode.IN_PERSON : mode, form.title(), startsAt, endsAt, form.place(),
                form.onlineLink(), chair, minuteTaker, agenda, Boolean.TRUE.equals(form.combinedSession()));
        problems.addAll(details.problems(onlineLinkRequired));
        return new Checked(problems.isEmpty() ? details : null, problems);
    }

    /**
     * Returns when a meeting that starts on the date at the start time ends. An end earlier than the
     * start is on the next day when the meeting then lasts at most {@link #MAX_OVERNIGHT_LENGTH}, such as
     * 19:30 to 00:30. A later end, such as 19:30 to 17:30, is more likely a typo, so it stays on the
     * date and the form reports an end before the start.
     */
    static LocalDateTime endOf(LocalDate date, LocalTime start, LocalTime end) {
        LocalDateTime sameDay = date.atTime(end);
        if (end.isBefore(start) && Duration.between(start, end).plusDays(1).compareTo(MAX_OVERNIGHT_LENGTH) <= 0) {
            return sameDay.plusDays(1);
        }
        return sameDay;
    }

    /** Returns one message per field, the first problem found on it, in the reader's language. */
    Map<String, String> errorTexts(List<MeetingDetailsProblem> problems, Locale locale) {
        var texts = new LinkedHashMap<String, String>();
        for (MeetingDetailsProblem problem : problems) {
            texts.putIfAbsent(problem.field(),
                    messages.getMessage(problem.messageKey(), problem.arguments().toArray(), locale));
        }
        return texts;
    }

    List<Option> kindOptions(Locale locale) {
        return enumOptions(MeetingKind.values(), "meeting.kind.", locale);
    }

    List<Option> modeOptions(Locale locale) {
        return enumOptions(MeetingMode.values(), "meeting.mode.", locale);
    }

    /** Returns the cell's members as choices, with the office each holds, after a "not chosen" choice. */
    List<Option> memberOptions(List<Member> roster, Locale locale) {
        var options = new ArrayList<Option>();
        options.add(new Option("", messages.getMessage("meeting.form.notChosen", null, locale)));
        for (Member member : roster) {
            String label = member.cellRole() == null ? member.fullName()
                    : member.fullName() + " (" + messages.getMessage("meeting.cellRole." + member.cellRole(), null,
                            locale) + ")";
            options.add(new Option(member.id().toString(), label));
        }
        return options;
    }

    /**
     * The outcome of checking a form.
     *
     * @param details the details to save, or null when there are problems
     */
    record Checked(@Nullable MeetingDetails details, List<MeetingDetailsProblem> problems) {
    }

    private <E extends Enum<E>> List<Option> enumOptions(E[] values, String prefix, Locale locale) {
        var options = new ArrayList<Option>();
        for (E value : values) {
            options.add(new Option(value.name(), messages.getMessage(prefix + value.name(), null, locale)));
        }
        return options;
    }

    private static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, String value, String field,
            List<MeetingDetailsProblem> problems) {
        try {
            return Enum.valueOf(type, value);
        }
        catch (IllegalArgumentException unknown) {
            problems.add(problem(field, "meeting.error." + field + "Invalid"));
            return null;
        }
    }

    private static @Nullable LocalDate parseDate(String text, List<MeetingDetailsProblem> problems) {
        String value = text.strip();
        if (value.isEmpty()) {
            problems.add(problem("date", "meeting.error.dateMissing"));
            return null;
        }
        for (DateTimeFormatter format : List.of(ISO_DATE, TYPED_DATE)) {
            try {
                return LocalDate.parse(value, format);
            }
            catch (DateTimeParseException tryNext) {
                // The next format may fit.
            }
        }
        problems.add(problem("date", "meeting.error.dateInvalid", value));
        return null;
    }

    private static @Nullable LocalTime parseTime(String text, String field, List<MeetingDetailsProblem> problems) {
        String value = text.strip();
        if (value.isEmpty()) {
            problems.add(problem(field, "meeting.error." + field + "Missing"));
            return null;
        }
        Matcher matcher = TYPED_TIME.matcher(value);
        if (matcher.matches()) {
            int hour = Integer.parseInt(matcher.group(1));
            int minute = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        problems.add(problem(field, "meeting.error.timeInvalid", value));
        return null;
    }

    private static @Nullable MemberId parseMember(String text, String field, List<Member> roster,
            List<MeetingDetailsProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        Optional<MemberId> member = roster.stream()
                .map(Member::id)
                .filter(id -> id.toString().equals(text.strip()))
                .findFirst();
        if (member.isEmpty()) {
            problems.add(problem(field, "meeting.error.notCellMember"));
            return null;
        }
        return member.get();
    }

    private static MeetingDetailsProblem problem(String field, String key, Object... arguments) {
        return new MeetingDetailsProblem(field, key, List.of(arguments));
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
