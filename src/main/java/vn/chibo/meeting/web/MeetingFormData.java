package vn.chibo.meeting.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The fields of the meeting form as typed, so that a form with errors comes back exactly as sent.
 * Dates are {@code yyyy-MM-dd} as date inputs send them (or {@code dd/MM/yyyy} typed by hand), times
 * {@code HH:mm}, and the chair and minute taker are member ids. An unchecked combined-session box
 * sends nothing, which becomes false.
 */
record MeetingFormData(@Nullable String kind, @Nullable String mode, @Nullable String title, @Nullable String date,
        @Nullable String startTime, @Nullable String endTime, @Nullable String place, @Nullable String onlineLink,
        @Nullable String chair, @Nullable String minuteTaker, @Nullable List<AgendaItemFormData> agenda,
        @Nullable Boolean combinedSession) {

    MeetingFormData {
        kind = orEmpty(kind);
        mode = orEmpty(mode);
        title = orEmpty(title);
        date = orEmpty(date);
        startTime = orEmpty(startTime);
        endTime = orEmpty(endTime);
        place = orEmpty(place);
        onlineLink = orEmpty(onlineLink);
        chair = orEmpty(chair);
        minuteTaker = orEmpty(minuteTaker);
        combinedSession = Boolean.TRUE.equals(combinedSession);
        // A list bound from agenda[0], agenda[2] has a gap where an item was dropped by hand.
        agenda = agenda == null ? List.of()
                : agenda.stream().map(item -> item == null ? new AgendaItemFormData("", "") : item).toList();
    }

    /** Returns the form with the agenda replaced. */
    MeetingFormData withAgenda(List<AgendaItemFormData> items) {
        return new MeetingFormData(kind, mode, title, date, startTime, endTime, place, onlineLink, chair, minuteTaker,
                items, combinedSession);
    }

    /** Returns the form without agenda items that have neither title nor description. */
    MeetingFormData withoutBlankItems() {
        return withAgenda(agenda.stream().filter(item -> !item.isBlank()).toList());
    }

    /** Applies a button that edits the agenda without saving: add an item, remove or move one up. */
    MeetingFormData withAgendaEdit(AgendaEdit edit) {
        var items = new ArrayList<>(agenda);
        switch (edit.kind()) {
            case ADD -> items.add(new AgendaItemFormData("", ""));
            case REMOVE -> {
                if (edit.index() >= 0 && edit.index() < items.size()) {
                    items.remove(edit.index());
                }
            }
            case MOVE_UP -> {
                if (edit.index() > 0 && edit.index() < items.size()) {
                    items.add(edit.index() - 1, items.remove(edit.index()));
                }
            }
        }
        return withAgenda(items);
    }

    record AgendaItemFormData(@Nullable String title, @Nullable String description) {

        AgendaItemFormData {
            title = orEmpty(title);
            description = orEmpty(description);
        }

        boolean isBlank() {
            return title.isBlank() && description.isBlank();
        }
    }

    /**
     * A button of the agenda editor, sent as the value of the form's {@code action} parameter:
     * {@code add}, {@code remove-3} or {@code up-3} for the item at index 3.
     */
    record AgendaEdit(Kind kind, int index) {

        enum Kind { ADD, REMOVE, MOVE_UP }

        /** Returns the edit a button value asks for, or null for the save button and unknown values. */
        static @Nullable AgendaEdit parse(@Nullable String action) {
            if (action == null) {
                return null;
            }
            if (action.equals("add")) {
                return new AgendaEdit(Kind.ADD, 0);
            }
            try {
                if (action.startsWith("remove-")) {
                    return new AgendaEdit(Kind.REMOVE, Integer.parseInt(action.substring(7)));
                }
                if (action.startsWith("up-")) {
                    return new AgendaEdit(Kind.MOVE_UP, Integer.parseInt(action.substring(3)));
                }
            }
            catch (NumberFormatException notAnIndex) {
                return null;
            }
            return null;
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
