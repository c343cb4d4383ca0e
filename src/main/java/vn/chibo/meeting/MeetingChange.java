package vn.chibo.meeting;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A detail of an announced meeting whose change is notified to the members and the supervising
 * committee. A new title, chair or minute taker alone is not such a change.
 */
public enum MeetingChange {
    /** The start or the planned end. */
    TIME,
    /** The room, or the online link where the meeting is held. */
    PLACE,
    /** In person, online or both. */
    MODE,
    /** The agenda items, their order or their descriptions. */
    AGENDA;

    /** Returns what differs between the meeting as it was and as it is now. */
    static Set<MeetingChange> between(Meeting before, Meeting after) {
        Set<MeetingChange> changes = EnumSet.noneOf(MeetingChange.class);
        if (!before.startsAt().equals(after.startsAt()) || !before.plannedEndAt().equals(after.plannedEndAt())) {
            changes.add(TIME);
        }
        if (!Objects.equals(before.place(), after.place())
                || !Objects.equals(before.onlineLink(), after.onlineLink())) {
            changes.add(PLACE);
        }
        if (before.mode() != after.mode()) {
            changes.add(MODE);
        }
        if (!contentOf(before.agenda()).equals(contentOf(after.agenda()))) {
            changes.add(AGENDA);
        }
        return changes;
    }

    /** Returns the agenda's titles and descriptions in order, leaving out the row ids, which are no content. */
    private static List<List<String>> contentOf(List<AgendaItem> agenda) {
        return agenda.stream()
                .map(item -> Arrays.asList(item.title(), item.description()))
                .toList();
    }
}
