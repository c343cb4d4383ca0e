package vn.chibo.minutes;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import vn.chibo.voting.Motion;
import vn.chibo.voting.MotionResult;
import vn.chibo.voting.Motions;

/**
 * Drafts the minutes of a closed meeting in the official order: header, title, time and place,
 * chair and minute taker, guests, attendance, the agenda with room for what was said, the votes,
 * and the closing time. The text is Vietnamese whatever language the users read, because the
 * minutes are an official record; its wording comes from the {@code minutes} messages in Vietnamese.
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

    MinutesDrafter(Meetings meetings, Members members, Organizations organizations, Motions motions,
            MessageSource messages, Formats formats) {
        this.meetings = meetings;
        this.members = members;
        this.organizations = organizations;
        this.motions = motions;
        this.messages = messages;
        this.formats = formats;
    }

    MinutesDraft draft(MeetingId id) {
        Meeting meeting = meetings.get(id);
        Organization cell = organizations.get(meeting.cellId());
        Optional<Organization> committee = organizations.supervisingCommittee(cell.id());
        Map<MemberId, Member> roster = members.ofCell(cell.id()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        @Nullable Member chair = meeting.chair() == null ? null : roster.get(meeting.chair());
        @Nullable Member minuteTaker = meeting.minuteTaker() == null ? null : roster.get(meeting.minuteTaker());

        var body = new Body();
        openingSection(body, meeting);
        peopleSection(body, chair, minuteTaker);
        attendanceSection(body, meetings.tally(id), meetings.roll(id), roster);
        agendaSection(body, meeting.agenda());
        votesSection(body, motions.ofMeeting(id));
        closing(body, meeting);

        String locality = committee.map(Organization::locality).orElse(cell.locality());
        return new MinutesDraft(committee.map(each -> capitals(each.name())).orElse(""), capitals(cell.name()),
                placeAndDate(locality, formats.local(meeting.startsAt()).toLocalDate()), title(meeting),
                body.text(), chair == null ? null : chair.fullName(),
                minuteTaker == null ? null : minuteTaker.fullName());
    }

    private void openingSection(Body body, Meeting meeting) {
        body.heading(text("minutes.draft.opening.heading"));
        body.line(text("minutes.draft.opening.time", formats.time(meeting.startsAt()), formats.date(meeting.startsAt())));
        if (meeting.place() != null) {
            body.line(text("minutes.draft.opening.place", meeting.place()));
        }
        body.line(text("minutes.draft.opening.mode", text("minutes.draft.mode." + meeting.mode())));
    }

    private void peopleSection(Body body, @Nullable Member chair, @Nullable Member minuteTaker) {
        body.heading(text("minutes.draft.people.heading"));
        body.line(text("minutes.draft.people.chair", personWithOffice(chair)));
        body.line(text("minutes.draft.people.minuteTaker", personWithOffice(minuteTaker)));
        body.line(text("minutes.draft.people.guests"));
    }

    private void attendanceSection(Body body, AttendanceTally tally, Map<MemberId, RollMark> roll,
            Map<MemberId, Member> roster) {
        body.heading(text("minutes.draft.attendance.heading"));
        body.line(text("minutes.draft.attendance.total", tally.total(), tally.official(), tally.probationary()));
        body.line(text("minutes.draft.attendance.activity", tally.attachedIn(), tally.sentOut(), tally.exempt()));
        if (tally.suspended() > 0) {
            body.line(text("minutes.draft.attendance.suspended", tally.suspended()));
        }
        body.line(text("minutes.draft.attendance.present", tally.present(), tally.presentInPerson(),
                tally.presentOnline(), tally.probationaryPresent()));

        List<Member> excused = namesOf(tally.absentExcused(), roster);
        if (excused.isEmpty()) {
            body.line(text("minutes.draft.attendance.excusedNone"));
        }
        else {
            body.line(text("minutes.draft.attendance.excused", excused.size()));
            for (Member member : excused) {
                RollMark mark = roll.get(member.id());
                String reason = mark == null || mark.absenceReason() == null ? text("minutes.draft.reasonUnknown")
                        : mark.absenceReason();
                body.line(text("minutes.draft.attendance.excusedMember", member.fullName(), reason));
            }
        }
        List<Member> unexcused = namesOf(tally.absentUnexcused(), roster);
        if (unexcused.isEmpty()) {
            body.line(text("minutes.draft.attendance.unexcusedNone"));
        }
        else {
            body.line(text("minutes.draft.attendance.unexcused", unexcused.size()));
            for (Member member : unexcused) {
                body.line(text("minutes.draft.attendance.unexcusedMember", member.fullName()));
            }
        }
    }

    private void agendaSection(Body body, List<AgendaItem> agenda) {
        body.heading(text("minutes.draft.agenda.heading"));
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            body.line(text("minutes.draft.agenda.item", i + 1, item.title()));
            if (item.description() != null) {
                body.line(item.description());
            }
            body.line(text("minutes.draft.agenda.content"));
            body.line(text("minutes.draft.agenda.speakers"));
            body.line(text("minutes.draft.agenda.conclusion"));
        }
    }

    private void votesSection(Body body, List<Motion> votes) {
        body.heading(text("minutes.draft.votes.heading"));
        List<Motion> closed = votes.stream().filter(motion -> motion.result() != null).toList();
        if (closed.isEmpty()) {
            body.line(text("minutes.draft.votes.none"));
        }
        for (int i = 0; i < closed.size(); i++) {
            Motion motion = closed.get(i);
            MotionResult result = motion.result();
            body.line(text("minutes.draft.votes.motion", i + 1, motion.title()));
            body.line(text("minutes.draft.votes.denominator", result.denominator()));
            body.line(exclusionsLine(result.exclusions()));
            body.line(text("minutes.draft.votes.needed", result.votesNeeded()));
            body.line(text("minutes.draft.votes.for", result.votesFor()));
            body.line(text("minutes.draft.votes.against", result.votesAgainst()));
            body.line(text("minutes.draft.votes.abstain", result.abstentions()));
            body.line(text("minutes.draft.votes.notVoting", result.notVoting()));
            body.line(text("minutes.draft.votes.outcome",
                    text(result.passed() ? "minutes.draft.votes.passed" : "minutes.draft.votes.notPassed")));
        }
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

    private void closing(Body body, Meeting meeting) {
        body.blank();
        if (meeting.closedAt() == null) {
            body.line(text("minutes.draft.closing.unknown"));
            return;
        }
        body.line(text("minutes.draft.closing", formats.time(meeting.closedAt()), formats.date(meeting.closedAt())));
    }

    private String title(Meeting meeting) {
        ZonedDateTime start = formats.local(meeting.startsAt());
        return text("minutes.draft.title." + meeting.kind(), MONTH.format(start));
    }

    /**
     * Returns the place and date line. Days below 10 and the months January and February take a
     * leading zero, as in the dates of Vietnamese administrative documents.
     */
    private String placeAndDate(@Nullable String locality, LocalDate date) {
        String place = locality == null || locality.isBlank() ? text("minutes.draft.placeUnknown") : locality;
        String day = String.format("%02d", date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? String.format("%02d", date.getMonthValue())
                : Integer.toString(date.getMonthValue());
        return text("minutes.draft.placeAndDate", place, day, month, Integer.toString(date.getYear()));
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

    /** The body being written, one paragraph a line and a blank line before each section. */
    private static final class Body {

        private final StringBuilder text = new StringBuilder();

        void heading(String heading) {
            blank();
            line(heading);
        }

        void line(String line) {
            text.append(line).append('\n');
        }

        void blank() {
            if (!text.isEmpty()) {
                text.append('\n');
            }
        }

        String text() {
            return text.toString().strip();
        }
    }
}
