package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.MemberId;

/**
 * What the secretary sets when scheduling or revising a meeting.
 *
 * @param place where members meet in person; required unless the meeting is online only
 * @param onlineLink the address of the online room; required unless the meeting is in person only
 * @param chair who presides; the secretary unless another member is named
 * @param minuteTaker who writes the minutes
 * @param combinedSession whether a regular meeting also serves as the quarter's thematic one, in one
 *     longer session; only a regular meeting may be one
 */
public record MeetingDetails(MeetingKind kind, MeetingMode mode, String title, Instant startsAt, Instant plannedEndAt,
        @Nullable String place, @Nullable String onlineLink, @Nullable MemberId chair, @Nullable MemberId minuteTaker,
        List<AgendaItem> agenda, boolean combinedSession) {

    /** The longest meeting accepted: a meeting that would last longer was almost surely typed wrong. */
    static final Duration MAXIMUM_LENGTH = Duration.ofHours(24);

    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://[^\\s]+");

    public MeetingDetails {
        agenda = List.copyOf(agenda);
    }

    /** Details of a meeting that is not a combined session. */
    public MeetingDetails(MeetingKind kind, MeetingMode mode, String title, Instant startsAt, Instant plannedEndAt,
            @Nullable String place, @Nullable String onlineLink, @Nullable MemberId chair,
            @Nullable MemberId minuteTaker, List<AgendaItem> agenda) {
        this(kind, mode, title, startsAt, plannedEndAt, place, onlineLink, chair, minuteTaker, agenda, false);
    }

    /**
     * Checks the rules that the details must meet on their own, whatever the cell: a title, an end
     * after the start, a place and a link as the mode needs, and an agenda of at least one item.
     * Whether the chair and the minute taker belong to the cell is checked where the roster is known.
     *
     * @return every broken rule in the order of the form's fields, or an empty list
     */
    public List<MeetingDetailsProblem> problems() {
        return problems(true);
    }

    /**
     * Checks the rules as {@link #problems()} does.
     *
     * @param onlineLinkRequired false when a video conference hosts the online part of meetings, so that
     *        an online or hybrid meeting needs no link of its own. A link that is given must still be valid.
     */
    public List<MeetingDetailsProblem> problems(boolean onlineLinkRequired) {
        var problems = new ArrayList<MeetingDetailsProblem>();
        checkTitle(problems);
        if (combinedSession && kind != MeetingKind.REGULAR) {
            problems.add(MeetingDetailsProblem.of("combinedSession", "meeting.error.combinedNotRegular"));
        }
        checkTimes(problems);
        checkPlace(problems);
        checkOnlineLink(problems, onlineLinkRequired);
        checkAgenda(problems);
        return problems;
    }

    private void checkTitle(List<MeetingDetailsProblem> problems) {
        String stripped = title.strip();
        if (stripped.isEmpty()) {
            problems.add(MeetingDetailsProblem.of("title", "meeting.error.titleMissing"));
        }
        else if (stripped.length() > Meeting.TITLE_MAX_LENGTH) {
            problems.add(MeetingDetailsProblem.of("title", "meeting.error.titleTooLong", Meeting.TITLE_MAX_LENGTH));
        }
    }

    private void checkTimes(List<MeetingDetailsProblem> problems) {
        if (!plannedEndAt.isAfter(startsAt)) {
            problems.add(MeetingDetailsProblem.of("endTime", "meeting.error.endBeforeStart"));
        }
        else if (Duration.between(startsAt, plannedEndAt).compareTo(MAXIMUM_LENGTH) > 0) {
            problems.add(MeetingDetailsProblem.of("endTime", "meeting.error.tooLong"));
        }
    }

    private void checkPlace(List<MeetingDetailsProblem> problems) {
        String stripped = strippedOrNull(place);
        if (mode.hasPlace() && stripped == null) {
            problems.add(MeetingDetailsProblem.of("place", "meeting.error.placeMissing"));
        }
        else if (mode.hasPlace() && stripped.length() > Meeting.PLACE_MAX_LENGTH) {
            problems.add(MeetingDetailsProblem.of("place", "meeting.error.placeTooLong", Meeting.PLACE_MAX_LENGTH));
        }
    }

    private void checkOnlineLink(List<MeetingDetailsProblem> problems, boolean required) {
        if (!mode.hasOnlineLink()) {
            return;
        }
        String link = strippedOrNull(onlineLink);
        if (link == null) {
            if (required) {
                problems.add(MeetingDetailsProblem.of("onlineLink", "meeting.error.onlineLinkMissing"));
            }
        }
        else if (link.length() > Meeting.LINK_MAX_LENGTH || !WEB_ADDRESS.matcher(link).matches()) {
            problems.add(MeetingDetailsProblem.of("onlineLink", "meeting.error.onlineLinkInvalid"));
        }
    }

    private void checkAgenda(List<MeetingDetailsProblem> problems) {
        if (agenda.isEmpty()) {
            problems.add(MeetingDetailsProblem.of("agenda", "meeting.error.agendaEmpty"));
        }
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            String field = "agenda[" + i + "]";
            if (item.title().isBlank()) {
                problems.add(MeetingDetailsProblem.of(field + ".title", "meeting.error.agendaTitleMissing", i + 1));
            }
            else if (item.title().strip().length() > Meeting.AGENDA_TITLE_MAX_LENGTH) {
                problems.add(MeetingDetailsProblem.of(field + ".title", "meeting.error.agendaTitleTooLong", i + 1,
                        Meeting.AGENDA_TITLE_MAX_LENGTH));
            }
            String description = strippedOrNull(item.description());
            if (description != null && description.length() > Meeting.AGENDA_DESCRIPTION_MAX_LENGTH) {
                problems.add(MeetingDetailsProblem.of(field + ".description",
                        "meeting.error.agendaDescriptionTooLong", i + 1, Meeting.AGENDA_DESCRIPTION_MAX_LENGTH));
            }
        }
    }

    private static @Nullable String strippedOrNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
