package vn.chibo.meeting;

import java.util.List;

/**
 * One rule that meeting details break, tied to the form field it concerns, so that a form can show
 * every problem next to its field at once.
 *
 * @param field the field: {@code title}, {@code combinedSession}, {@code endTime}, {@code place}, {@code onlineLink},
 *     {@code agenda}, or {@code agenda[i].title} and {@code agenda[i].description} for item i (from 0)
 * @param messageKey the message that explains the problem
 * @param arguments the values for the message's placeholders
 */
public record MeetingDetailsProblem(String field, String messageKey, List<Object> arguments) {

    public MeetingDetailsProblem {
        arguments = List.copyOf(arguments);
    }

    static MeetingDetailsProblem of(String field, String messageKey, Object... arguments) {
        return new MeetingDetailsProblem(field, messageKey, List.of(arguments));
    }

    InvalidMeeting toException() {
        return new InvalidMeeting(messageKey, arguments.toArray());
    }
}
