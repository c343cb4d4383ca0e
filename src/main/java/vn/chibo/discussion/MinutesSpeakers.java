package vn.chibo.discussion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.VietnameseText;

/**
 * Writes the speakers of each agenda item for the minutes, in Vietnamese, one line per person. The
 * members who had the floor on the speaker list come first, in the order they first spoke, with what
 * they asked to speak for (in favour, against, a question) and every opinion they posted on the item.
 * The authors of opinions that the chair marked as spoken without a turn follow, in Vietnamese name
 * order. The opinions posted by nobody who spoke follow under their own heading, as written opinions.
 * An opinion's line breaks become spaces, because the minutes give each speaker one line. Withdrawn
 * opinions are left out. When an item's text would be longer than the minutes hold, every line's
 * opinions are shortened alike, so that each speaker keeps a line; the full texts stay on the meeting
 * page.
 */
@Component
public class MinutesSpeakers {

    private static final Locale VIETNAMESE = Locale.of("vi");

    /** The minimum length of a shortened line's opinions, however many speakers an item has. */
    private static final int MIN_SHORTENED = 80;

    private static final String ELLIPSIS = "…";

    private final OpinionStore store;
    private final SpeakerStore speakers;
    private final Members members;
    private final MessageSource messages;

    MinutesSpeakers(OpinionStore store, SpeakerStore speakers, Members members, MessageSource messages) {
        this.store = store;
        this.speakers = speakers;
        this.members = members;
        this.messages = messages;
    }

    /** One person's line for an item: the kinds of their turns in order, and their opinions. */
    private record Line(Member member, List<SpeakerKind> kinds, List<Opinion> opinions) {
    }

    /**
     * Returns the speakers' text of each agenda item of the meeting that has speakers or opinions, by
     * the item's id.
     *
     * @param maxLength the longest text the minutes hold for one item, in UTF-16 units
     */
    public Map<Long, String> byAgendaItem(Meeting meeting, int maxLength) {
        List<Opinion> opinions = store.listed(meeting.id());
        List<SpeakerRequest> turns = speakers.ofMeeting(meeting.id()).stream()
                .filter(SpeakerRequest::hadFloor)
                .sorted(Comparator.comparing(SpeakerRequest::turnStartedAt))
                .toList();
        List<MemberId> people = Stream.concat(opinions.stream().map(Opinion::author),
                turns.stream().map(SpeakerRequest::member)).distinct().toList();
        Map<MemberId, Member> byId = members.byIds(people).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));

        var texts = new LinkedHashMap<Long, String>();
        for (AgendaItem item : meeting.agenda()) {
            if (item.id() == null) {
                continue;
            }
            long itemId = item.id();
            List<Opinion> ofItem = opinions.stream()
                    .filter(opinion -> opinion.agendaItemId() == itemId && byId.containsKey(opinion.author()))
                    .toList();
            List<SpeakerRequest> turnsOnItem = turns.stream()
                    .filter(turn -> turn.agendaItemId() == itemId && byId.containsKey(turn.member()))
                    .toList();
            List<Line> spoken = spokenLines(turnsOnItem, ofItem, byId);
            List<Line> written = writtenLines(spoken, ofItem, byId);
            if (!spoken.isEmpty() || !written.isEmpty()) {
                texts.put(itemId, fitted(spoken, written, maxLength));
            }
        }
        return texts;
    }

    /** Returns the lines of those who spoke: speakers by their first turn, then authors of spoken opinions by name. */
    private static List<Line> spokenLines(List<SpeakerRequest> turns, List<Opinion> opinions,
            Map<MemberId, Member> byId) {
        var lines = new LinkedHashMap<MemberId, Line>();
        for (SpeakerRequest turn : turns) {
            Line line = lines.computeIfAbsent(turn.member(),
                    member -> new Line(byId.get(member), new ArrayList<>(), new ArrayList<>()));
            if (!line.kinds().contains(turn.kind())) {
                line.kinds().add(turn.kind());
            }
        }
        opinions.stream()
                .filter(Opinion::spoken)
                .map(Opinion::author)
                .filter(author -> !lines.containsKey(author))
                .distinct()
                .map(byId::get)
                .sorted(VietnameseText.byName(Member::fullName))
                .forEach(author -> lines.put(author.id(), new Line(author, List.of(), new ArrayList<>())));
        return attached(lines, opinions);
    }

    /** Returns one line per author whose opinions were only written, in Vietnamese name order. */
    private static List<Line> writtenLines(List<Line> spoken, List<Opinion> opinions, Map<MemberId, Member> byId) {
        var speakerIds = spoken.stream().map(line -> line.member().id()).collect(Collectors.toSet());
        var lines = new LinkedHashMap<MemberId, Line>();
        opinions.stream()
                .filter(opinion -> !speakerIds.contains(opinion.author()))
                .map(Opinion::author)
                .distinct()
                .map(byId::get)
                .sorted(VietnameseText.byName(Member::fullName))
                .forEach(author -> lines.put(author.id(), new Line(author, List.of(), new ArrayList<>())));
        return attached(lines, opinions);
    }

    /** Adds each opinion to its author's line, if the author has one, and returns the lines in order. */
    private static List<Line> attached(Map<MemberId, Line> lines, List<Opinion> opinions) {
        for (Opinion opinion : opinions) {
            Line line = lines.get(opinion.author());
            if (line != null) {
                line.opinions().add(opinion);
            }
        }
        return List.copyOf(lines.values());
    }

    /** Returns the item's text, with every line's opinions shortened to the same length if it is too long. */
    private String fitted(List<Line> spoken, List<Line> written, int maxLength) {
        String full = text(spoken, written, Integer.MAX_VALUE);
        if (full.length() <= maxLength) {
            return full;
        }
        int overhead = text(spoken, written, 0).length();
        int lineCount = spoken.size() + written.size();
        int perLine = Math.max(MIN_SHORTENED, (maxLength - overhead) / lineCount - 1);
        return shorten(text(spoken, written, perLine), maxLength);
    }

    private String text(List<Line> spoken, List<Line> written, int bodyLength) {
        var lines = new ArrayList<String>();
        spoken.forEach(line -> lines.add(line(line, bodyLength)));
        if (!written.isEmpty()) {
            lines.add(message("discussion.minutes.written"));
            written.forEach(line -> lines.add(line(line, bodyLength)));
        }
        return String.join("\n", lines);
    }

    private String line(Line line, int bodyLength) {
        String name = line.member().fullName();
        String body = shorten(line.opinions().stream()
                .map(opinion -> OpinionText.oneLine(opinion.body()))
                .collect(Collectors.joining(" ")), bodyLength);
        if (line.kinds().isEmpty()) {
            return message("discussion.minutes.opinion", name, body);
        }
        String kinds = line.kinds().stream()
                .map(kind -> message("discussion.minutes.kind." + kind))
                .collect(Collectors.joining(", "));
        if (line.opinions().isEmpty()) {
            return message("discussion.minutes.speaker", name, kinds);
        }
        return message("discussion.minutes.speakerWithOpinion", name, kinds, body);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, VIETNAMESE);
    }

    /** Returns the text cut to the length with an ellipsis at the end, never between the halves of a surrogate pair. */
    private static String shorten(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Math.max(0, length - ELLIPSIS.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
