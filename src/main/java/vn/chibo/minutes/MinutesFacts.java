package vn.chibo.minutes;

import java.util.List;

/**
 * The sections of the minutes that the system derives from the meeting's data, in Vietnamese, one
 * paragraph per line. They are written when the draft is made and nobody edits them.
 *
 * @param opening the time, place and form of the meeting
 * @param people the chair and the minute taker
 * @param attendance the totals by category and every absentee by name, with or without an approved
 *        reason but never the reason itself, which may be health data
 * @param votes each closed vote with its figures and outcome
 * @param closing the time the meeting closed
 */
public record MinutesFacts(List<String> opening, List<String> people, List<String> attendance, List<String> votes,
        String closing) {

    public MinutesFacts {
        opening = List.copyOf(opening);
        people = List.copyOf(people);
        attendance = List.copyOf(attendance);
        votes = List.copyOf(votes);
    }
}
