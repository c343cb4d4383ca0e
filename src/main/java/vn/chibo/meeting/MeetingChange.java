package vn.chibo.meeting;

import java.util.EnumSet;
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
        if (!before.agenda().equals(after.agenda())) {
            changes.add(AGENDA);
        }
        return changes;
    }
}
