package vn.chibo.minutes.web;

import org.jspecify.annotations.Nullable;

import vn.chibo.minutes.MinutesChangedMeanwhile;
import vn.chibo.minutes.NarrativePart;
import vn.chibo.system.DomainException;

/**
 * A part of the narrative whose save failed, shown again with the text as typed and the reason.
 *
 * @param field the form field the failure is about, or null when it is about the whole form
 */
public record RejectedEdit(NarrativePart part, NarrativeFormData form, @Nullable String field,
        DomainException failure) {

    public String code() {
        return part.code();
    }

    /** Returns the message key. A change made meanwhile gets a message stating that the typed text was kept. */
    public String messageKey() {
        return failure instanceof MinutesChangedMeanwhile ? "minutes.error.changedWhileEditing"
                : failure.messageKey();
    }

    public Object[] messageArguments() {
        return failure.messageArguments();
    }
}
