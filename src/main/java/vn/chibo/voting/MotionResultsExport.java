package vn.chibo.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.SpreadsheetCsv;

/**
 * Writes the votes of a meeting as a CSV file, one row per motion, from the same {@link MotionResult}
 * that the motion page, the minutes and the API read. An open vote gets its title and status and no
 * figures, because figures stay hidden until the close. A closed election round or discipline vote
 * is followed by one row per line of its ballot, numbered under it (3.1, 3.2, …), with the line's
 * votes in the "for" column, the votes it needed and its outcome.
 */
@Component
public class MotionResultsExport {

    static final List<String> COLUMNS = List.of("number", "title", "kind", "method", "status", "for", "against",
            "abstain", "notVoting", "denominator", "excluded", "threshold", "votesNeeded", "eligiblePresent",
            "participationPercent", "outcome", "ballots", "blankBallots", "addedUp");

    private static final Logger log = LoggerFactory.getLogger(MotionResultsExport.class);

    private final Meetings meetings;
    private final Motions motions;
    private final AuditLog audit;
    private final MessageSource messages;

    MotionResultsExport(Meetings meetings, Motions motions, AuditLog audit, MessageSource messages) {
        this.meetings = meetings;
        this.motions = motions;
        this.audit = audit;
        this.messages = messages;
    }

    /** Exports the meeting's votes with headers and values in the locale's language, for whoever may see the meeting. */
    @Transactional
    public byte[] csv(Actor actor, MeetingId meetingId, Locale locale) {
        Meeting meeting = meetings.visibleTo(actor, meetingId);
        List<Motion> votes = motions.ofMeeting(meetingId);

        List<String> headers = COLUMNS.stream().map(column -> message("voting.csv." + column, locale)).toList();
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < votes.size(); i++) {
            Motion motion = votes.get(i);
            rows.add(row(i + 1, motion, locale));
            if (motion.result() != null) {
                for (OptionResult line : motion.result().options()) {
                    rows.add(lineRow(i + 1, motion, line, locale));
                }
            }
        }
        byte[] content = SpreadsheetCsv.write(headers, rows);

        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "motion.resultsExported",
                "meeting", meetingId.value(), "rows=" + rows.size()));
        log.info("Votes of meeting {} exported as CSV with {} rows by account {}", meetingId, rows.size(),
                actor.accountId());
        return content;
    }

    private List<String> row(int number, Motion motion, Locale locale) {
        var row = new ArrayList<String>(List.of(Integer.toString(number), motion.title(),
                message(motion.kind().messageKey(), locale), message(motion.method().messageKey(), locale),
                message("voting.status." + motion.status(), locale)));
        MotionResult result = motion.result();
        if (result == null) {
            while (row.size() < COLUMNS.size()) {
                row.add("");
            }
            return row;
        }
        String excluded = motions.excludedOf(motion).stream()
                .map(member -> member.fullName() + " (" + message(member.reasonKey(), locale) + ")")
                .collect(Collectors.joining("; "));
        Integer participation = result.participationPercent();
        // For an election or discipline vote the lines carry the votes, so for, against and abstain stay empty.
        boolean listed = motion.listsOptions();
        row.addAll(List.of(listed ? "" : Integer.toString(result.votesFor()),
                listed ? "" : Integer.toString(result.votesAgainst()),
                listed ? "" : Integer.toString(result.abstentions()), Integer.toString(result.notVoting()),
                Integer.toString(result.denominator()), excluded, message(result.threshold().messageKey(), locale),
                Integer.toString(result.votesNeeded()),
                result.eligiblePresent() == null ? "" : Integer.toString(result.eligiblePresent()),
                participation == null ? "" : Integer.toString(participation),
                message(motion.outcomeKey(), locale), Integer.toString(result.ballotsCast()),
                listed ? Integer.toString(result.abstentions()) : "", ""));
        return row;
    }

    private List<String> lineRow(int number, Motion motion, OptionResult line, Locale locale) {
        String label = line.option().penalty() == null ? line.label()
                : message(line.option().penalty().messageKey(), locale);
        var row = new ArrayList<String>(List.of(number + "." + line.position(), label,
                message(motion.isElection() ? "voting.list.candidate" : "voting.list.penalty", locale), "", "",
                Integer.toString(line.votes())));
        while (row.size() < COLUMNS.indexOf("threshold")) {
            row.add("");
        }
        row.add(line.threshold() == null ? "" : message(line.threshold().messageKey(), locale));
        row.add(line.votesNeeded() == null ? "" : Integer.toString(line.votesNeeded()));
        row.add("");
        row.add("");
        row.add(message(line.outcome().messageKey(), locale));
        while (row.size() < COLUMNS.indexOf("addedUp")) {
            row.add("");
        }
        row.add(line.addedUp() == null ? "" : Integer.toString(line.addedUp()));
        return row;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
