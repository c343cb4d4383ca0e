package vn.chibo.minutes;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.discussion.MinutesSpeakers;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.organization.Organization;
import vn.chibo.organization.Organizations;
import vn.chibo.system.Formats;
import vn.chibo.system.VietnameseText;
import vn.chibo.voting.Motion;
import vn.chibo.voting.MotionResult;
import vn.chibo.voting.OptionResult;
import vn.chibo.voting.Penalty;
import vn.chibo.voting.Motions;

/**
 * Drafts the minutes of a closed meeting: the header, the facts the system derives from the
 * meeting's data (time and place, chair and minute taker, attendance, votes and the closing time),
 * and the agenda items with their speakers taken from the members' opinions and the other notes empty. The text is Vietnamese whatever language the users read,
 * because the minutes are an official record. Its wording comes from the {@code minutes} messages
 * in Vietnamese.
 */
@Component
class MinutesDrafter {

    static final Locale VIETNAMESE = Locale.of("vi");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final Meetings meetings;
    private final Members members;
    private final Organizations organizations;
    private final Motions motions;
    private final MessageSource messages;
    private final Formats formats;
    private final MinutesSpeakers speakers;

    MinutesDrafter(Meetings meetings, Members members, Organizations organizations, Motions motions,
            MessageSource messages, Formats formats, MinutesSpeakers speakers) {
        this.meetings = meetings;
        this.members = members;
        this.organizations = organizations;
        this.motions = motions;
        this.messages = messages;
        this.formats = formats;
        this.speakers = speakers;
    }

    MinutesDraft draft(MeetingId id) {
        Meeting meeting = meetings.get(id);
        Organization cell = organizations.get(meeting.cellId());
        Optional<Organization> committee = organizations.supervisingCommittee(cell.id());
        Map<MemberId, Member> roster = members.ofCell(cell.id()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        @Nullable Member chair = meeting.chair() == null ? null : roster.get(meeting.chair());
        @Nullable Member minuteTaker = meeting.minuteTaker() == null ? null : roster.get(meeting.minuteTaker());

        List<Motion> votes = motions.ofMeeting(id);
        var facts = new MinutesFacts(opening(meeting), people(chair, minuteTaker),
                attendance(meetings.tally(id), meetings.roll(id), roster), votes(votes), closing(meeting));
        String locality = locality(committee.map(Organization::locality).orElse(cell.locality()));
        return new MinutesDraft(committee.map(each -> capitals(each.name())).orElse(""), capitals(cell.name()),
                placeAndDate(locality, formats.local(meeting.startsAt()).toLocalDate()), title(meeting), facts,
                items(meeting.agenda(), speakers.byAgendaItem(meeting, MinutesManagement.SPEAKERS_MAX_LENGTH)),
                chair == null ? null : chair.fullName(),
                minuteTaker == null ? null : minuteTaker.fullName(), locality, decisions(meeting, votes));
    }

    /**
     * Writes the draft text of the resolution: the grounds, with the meeting's date, and one numbered
     * decision per motion that passed, which the secretary rewords as the cell decided.
     */
    private String decisions(Meeting meeting, List<Motion> votes) {
        var lines = new ArrayList<String>();
        lines.add(text("minutes.resolution.draft.groundsCharter"));
        lines.add(text("minutes.resolution.draft.groundsMeeting", formats.date(meeting.startsAt())));
        lines.add(text("minutes.resolution.draft.decides"));
        // An election round counts when it elected anyone, a discipline vote when it decided a penalty.
        List<Motion> passed = votes.stream()
                .filter(motion -> motion.result() != null && (motion.result().passed()
                        || motion.isElection() && !motion.result().elected().isEmpty()))
                .toList();
        for (int i = 0; i < passed.size(); i++) {
            Motion motion = passed.get(i);
            String decision = motion.listsOptions() ? motion.title() + ": " + listOutcome(motion) : motion.title();
            lines.add(text("minutes.resolution.draft.decision", i + 1, decision));
        }
        if (passed.isEmpty()) {
            lines.add(text("minutes.resolution.draft.decision", 1, text("minutes.draft.blank")));
        }
        return String.join("\n", lines);
    }

    private List<String> opening(Meeting meeting) {
        var lines = new ArrayList<String>();
        lines.add(text("minutes.draft.opening.time", formats.timeInZone(meeting.startsAt(), VIETNAMESE),
                formats.date(meeting.startsAt())));
        if (meeting.place() != null) {
            lines.add(text("minutes.draft.opening.place", meeting.place()));
        }
        lines.add(text("minutes.draft.opening.mode", text("minutes.draft.mode." + meeting.mode())));
        return lines;
    }

    private List<String> people(@Nullable Member chair, @Nullable Member minuteTaker) {
        return List.of(text("minutes.draft.people.chair", personWithOffice(chair)),
                text("minutes.draft.people.minuteTaker", personWithOffice(minuteTaker)));
    }

    /**
     * Writes the attendance: totals by category, then every absentee by name under "with an approved
     * reason" or "without reason". The reason's text stays on the meeting's roll, which only those
     * who run the cell see, because it may be health data and the minutes go to every member.
     */
    private List<String> attendance(AttendanceTally tally, Map<MemberId, RollMark> roll, Map<MemberId, Member> roster) {
        var lines = new ArrayList<String>();
        lines.add(text("minutes.draft.attendance.total", tally.total(), tally.official(), tally.probationary()));
        lines.add(text("minutes.draft.attendance.activity", tally.attachedIn(), tally.sentOut(), tally.exempt()));
        if (tally.suspended() > 0) {
            lines.add(text("minutes.draft.attendance.suspended", tally.suspended()));
        }
        lines.add(text("minutes.draft.attendance.present", tally.present(), tally.presentInPerson(),
                tally.presentOnline(), tally.probationaryPresent()));
        absentees(lines, namesOf(tally.absentExcused(), roster), "excused");
        absentees(lines, namesOf(tally.absentUnexcused(), roster), "unexcused");
        arrivalTimes(lines, roll, roster);
        return lines;
    }

    /** Names the late arrivals and the early leaves with their times; nothing when there are none. */
    private void arrivalTimes(List<String> lines, Map<MemberId, RollMark> roll, Map<MemberId, Member> roster) {
        List<RollMark> marks = roll.values().stream()
                .filter(mark -> roster.containsKey(mark.memberId()))
                .sorted(Comparator.comparing(mark -> roster.get(mark.memberId()), VietnameseText.byName(Member::fullName)))
                .toList();
        List<RollMark> late = marks.stream().filter(RollMark::late).toList();
        List<RollMark> leftEarly = marks.stream().filter(mark -> mark.leftAt() != null).toList();
        if (!late.isEmpty()) {
            lines.add(text("minutes.draft.attendance.late", late.size()));
            late.forEach(mark -> lines.add(text("minutes.draft.attendance.lateMember",
                    roster.get(mark.memberId()).fullName(), formats.timeInZone(mark.arrivedAt(), VIETNAMESE))));
        }
        if (!leftEarly.isEmpty()) {
            lines.add(text("minutes.draft.attendance.leftEarly", leftEarly.size()));
            leftEarly.forEach(mark -> lines.add(text("minutes.draft.attendance.leftEarlyMember",
                    roster.get(mark.memberId()).fullName(), formats.timeInZone(mark.leftAt(), VIETNAMESE))));
        }
    }

    private void absentees(List<String> lines, List<Member> absent, String kind) {
        if (absent.isEmpty()) {
            lines.add(text("minutes.draft.attendance." + kind + "None"));
            return;
        }
        lines.add(text("minutes.draft.attendance." + kind, absent.size()));
        for (Member member : absent) {
            lines.add(text("minutes.draft.attendance.absentMember", member.fullName()));
        }
    }

    private List<String> votes(List<Motion> votes) {
        List<Motion> closed = votes.stream().filter(motion -> motion.result() != null).toList();
        if (closed.isEmpty()) {
            return List.of(text("minutes.draft.votes.none"));
        }
        var lines = new ArrayList<String>();
        for (int i = 0; i < closed.size(); i++) {
            Motion motion = closed.get(i);
            MotionResult result = motion.result();
            lines.add(text("minutes.draft.votes.motion", i + 1, motion.title()));
            lines.add(text("minutes.draft.votes.kind", text(motion.kind().messageKey()),
                    text(motion.method().messageKey())));
            if (motion.listsOptions()) {
                listVote(lines, motion);
                continue;
            }
            lines.add(text("minutes.draft.votes.denominator", result.denominator()));
            lines.add(exclusionsLine(result.exclusions()));
            lines.add(text("minutes.draft.votes.threshold", text(result.threshold().messageKey())));
            lines.add(text("minutes.draft.votes.needed", result.votesNeeded()));
            lines.add(text("minutes.draft.votes.for", result.votesFor()));
            lines.add(text("minutes.draft.votes.against", result.votesAgainst()));
            lines.add(text("minutes.draft.votes.abstain", result.abstentions()));
            lines.add(text("minutes.draft.votes.notVoting", result.notVoting()));
            if (result.participationPercent() != null) {
                lines.add(text("minutes.draft.votes.participation", result.ballotsCast(), result.eligiblePresent(),
                        result.participationPercent()));
            }
            lines.add(text("minutes.draft.votes.outcome",
                    text(result.passed() ? "minutes.draft.votes.passed" : "minutes.draft.votes.notPassed")));
        }
        return lines;
    }

    /**
     * Writes the count of an election round or a discipline vote: the seats or the member, the
     * denominator, the ballots, every line of the ballot with its votes, and the outcome.
     */
    private void listVote(List<String> lines, Motion motion) {
        MotionResult result = motion.result();
        if (motion.isElection()) {
            lines.add(text("minutes.draft.votes.seats", motion.election().seats(),
                    text(motion.election().round().messageKey())));
        }
        else {
            lines.add(text("minutes.draft.votes.disciplined", motion.subject().fullName()));
        }
        lines.add(text("minutes.draft.votes.denominator", result.denominator()));
        lines.add(exclusionsLine(result.exclusions()));
        lines.add(text("minutes.draft.votes.ballots." + motion.kind(), result.ballotsCast(), result.abstentions(),
                result.notVoting()));
        if (motion.isElection() && result.options().getFirst().votesNeeded() != null) {
            lines.add(text("minutes.draft.votes.electionNeeded", result.votesNeeded()));
        }
        for (OptionResult line : result.options()) {
            String outcome = text(line.outcome().messageKey()).toLowerCase(VIETNAMESE);
            lines.add(motion.isElection()
                    ? text("minutes.draft.votes.candidate", line.label(), line.votes(), outcome)
                    : text("minutes.draft.votes.penalty", line.label(), line.votes(), line.addedUp(),
                            line.votesNeeded(), outcome));
        }
        if (result.participationPercent() != null) {
            lines.add(text("minutes.draft.votes.participation", result.ballotsCast(), result.eligiblePresent(),
                    result.participationPercent()));
        }
        lines.add(text("minutes.draft.votes.outcome", listOutcome(motion)));
    }

    /** Returns the outcome of an election round or a discipline vote in a few words, without a final stop. */
    private String listOutcome(Motion motion) {
        MotionResult result = motion.result();
        if (motion.isElection()) {
            String elected = result.elected().stream().map(OptionResult::label).collect(Collectors.joining(", "));
            String outcome = elected.isEmpty() ? text("minutes.draft.votes.noneElected")
                    : text("minutes.draft.votes.elected", elected);
            if (!result.runoff().isEmpty()) {
                outcome += "; " + text("minutes.draft.votes.runoff", result.runoff().stream().map(OptionResult::label)
                        .collect(Collectors.joining(", ")), motion.seatsLeft());
            }
            else if (motion.seatsLeft() > 0) {
                outcome += "; " + text("minutes.draft.votes.unfilled", motion.seatsLeft());
            }
            return outcome;
        }
        return result.decided()
                .map(decided -> text(decided.option().penalty() == Penalty.EXPULSION ? "minutes.draft.votes.proposed"
                        : "minutes.draft.votes.decided", decided.label().toLowerCase(VIETNAMESE))
                        + (decided.decidedByAddingUp() ? " " + text("minutes.draft.votes.byAddingUp") : ""))
                .orElse(text("minutes.draft.votes.noPenalty"));
    }

    private String exclusionsLine(List<DenominatorExclusion> exclusions) {
        if (exclusions.isEmpty()) {
            return text("minutes.draft.votes.excludedNone");
        }
        var byReason = new EnumMap<DenominatorExclusion.Reason, Integer>(DenominatorExclusion.Reason.class);
        exclusions.forEach(exclusion -> byReason.merge(exclusion.reason(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, count) -> parts.add(text("minutes.draft.votes.excludedReason",
                text("minutes.draft.exclusion." + reason), count)));
        return text("minutes.draft.votes.excluded", exclusions.size(), String.join("; ", parts));
    }

    private String closing(Meeting meeting) {
        if (meeting.closedAt() == null) {
            return text("minutes.draft.closing.unknown");
        }
        return text("minutes.draft.closing", formats.timeInZone(meeting.closedAt(), VIETNAMESE),
                formats.date(meeting.closedAt()));
    }

    /** Returns the agenda items with the speakers from the members' opinions and the other notes empty. */
    private static List<MinutesItem> items(List<AgendaItem> agenda, Map<Long, String> speakersByItem) {
        var items = new ArrayList<MinutesItem>();
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            String speakers = item.id() == null ? "" : speakersByItem.getOrDefault(item.id(), "");
            items.add(new MinutesItem(i + 1, item.title(), item.description(), "", speakers, ""));
        }
        return items;
    }

    private String title(Meeting meeting) {
        ZonedDateTime start = formats.local(meeting.startsAt());
        return text("minutes.draft.title." + meeting.kind(), MONTH.format(start));
    }

    /**
     * Returns the place and date line. Days below 10 and the months January and February take a
     * leading zero, as in the dates of Vietnamese administrative documents.
     */
    static String placeAndDate(MessageSource messages, String place, LocalDate date) {
        String day = String.format("%02d", date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? String.format("%02d", date.getMonthValue())
                : Integer.toString(date.getMonthValue());
        return messages.getMessage("minutes.draft.placeAndDate", new Object[] { place, day, month,
                Integer.toString(date.getYear()) }, VIETNAMESE);
    }

    private String placeAndDate(String place, LocalDate date) {
        return placeAndDate(messages, place, date);
    }

    private String locality(@Nullable String locality) {
        return locality == null || locality.isBlank() ? text("minutes.draft.placeUnknown") : locality;
    }

    private String personWithOffice(@Nullable Member member) {
        if (member == null) {
            return text("minutes.draft.people.unknown");
        }
        if (member.cellRole() == null) {
            return member.fullName();
        }
        return text("minutes.draft.people.withOffice", member.fullName(),
                text("minutes.draft.cellRole." + member.cellRole()));
    }

    private static List<Member> namesOf(List<MemberId> ids, Map<MemberId, Member> roster) {
        return ids.stream().map(roster::get).filter(member -> member != null).toList();
    }

    private static String capitals(String name) {
        return name.toUpperCase(VIETNAMESE);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, VIETNAMESE);
    }
}
