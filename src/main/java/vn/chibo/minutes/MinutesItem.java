package vn.chibo.minutes;

import org.jspecify.annotations.Nullable;

/**
 * One agenda item in the minutes: its title and description as the agenda had them when the draft
 * was made, and what was written about it.
 *
 * @param number the item's place in the agenda, from 1
 * @param content what the item dealt with
 * @param speakers who spoke and what they said, one speaker per line
 * @param conclusion the chair's conclusion
 */
public record MinutesItem(int number, String title, @Nullable String description, String content, String speakers,
        String conclusion) {

    public NarrativePart part() {
        return NarrativePart.agendaItem(number);
    }
}
