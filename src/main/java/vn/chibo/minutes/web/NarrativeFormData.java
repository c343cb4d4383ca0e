package vn.chibo.minutes.web;

import org.jspecify.annotations.Nullable;

import vn.chibo.minutes.NarrativeEdit;
import vn.chibo.minutes.NarrativePart;

/**
 * The form of one part of the narrative, placed below that part on the minutes page.
 *
 * @param text the guests, the agenda item's content, or the other matters
 * @param speakers who spoke on the agenda item and what they said; only the agenda item's form has it
 * @param conclusion the chair's conclusion on the agenda item; only the agenda item's form has it
 * @param version the minutes' version when the form was shown; a stale one makes the save fail
 */
public record NarrativeFormData(@Nullable String text, @Nullable String speakers, @Nullable String conclusion,
        @Nullable Integer version) {

    NarrativeEdit toEdit(NarrativePart part) {
        return new NarrativeEdit(part, text, speakers, conclusion);
    }
}
