package vn.chibo.discussion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.VietnameseText;

/**
 * Writes the speakers of each agenda item for the minutes, in Vietnamese. The opinions the chair
 * marked as spoken come first, one line each, by the speakers in Vietnamese name order. The opinions
 * posted but not spoken follow under their own heading, as written opinions. An opinion's line breaks become
 * spaces, because the minutes give each speaker one line. Withdrawn opinions are left out. When an
 * item's text would be longer than the minutes hold, every opinion is shortened alike, so that each
 * speaker keeps a line; the full texts stay on the meeting page.
 */
@Component
public class MinutesSpeakers {

    private static final Locale VIETNAMESE = Locale.of("vi");

    /** The minimum length of a shortened opinion, however many opinions an item has. */
    private static final int MIN_SHORTENED = 80;

    private static final String ELLIPSIS = "…";

    private final OpinionStore store;
    private final Members members;
    private final MessageSource messages;

    MinutesSpeakers(OpinionStore store, Members members, MessageSource messages) {
        this.store = store;
        this.members = members;
        this.messages = messages;
    }

    /**
     * Returns the speakers' text of each agenda item of the meeting that has opinions, by the item's id.
     *
     * @param maxLength the longest text the minutes hold for one item, in UTF-16 units
     */
    public Map<Long, String> byAgendaItem(Meeting meeting, int maxLength) {
        List<Opinion> opinions = store.listed(meeting.id());
        Map<MemberId, Member> authors = members.byIds(opinions.stream().map(Opinion::author).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Comparator<Opinion> order = Comparator.<Opinion, Member>comparing(opinion -> authors.get(opinion.author()),
                VietnameseText.byName(Member::fullName)).thenComparing(Opinion::postedAt);

        Map<Long, List<Opinion>> byItem = new HashMap<>();
        opinions.stream()
                .filter(opinion -> authors.containsKey(opinion.author()))
                .forEach(opinion -> byItem.computeIfAbsent(opinion.agendaItemId(), item -> new ArrayList<>())
                        .add(opinion));

        var texts = new LinkedHashMap<Long, String>();
        for (AgendaItem item : meeting.agenda()) {
            List<Opinion> ofItem = byItem.getOrDefault(item.id(), List.of());
            if (!ofItem.isEmpty()) {
                texts.put(item.id(), fitted(ofItem.stream().sorted(order).toList(), authors, maxLength));
            }
        }
        return texts;
    }

    /** Returns the item's text, with every opinion shortened to the same length if it is too long. */
    private String fitted(List<Opinion> sorted, Map<MemberId, Member> authors, int maxLength) {
        String full = text(sorted, authors, Integer.MAX_VALUE);
        if (full.length() <= maxLength) {
            return full;
        }
        int overhead = text(sorted, authors, 0).length();
        int perOpinion = Math.max(MIN_SHORTENED, (maxLength - overhead) / sorted.size() - 1);
        String shortened = text(sorted, authors, perOpinion);
        return shorten(shortened, maxLength);
    }

    private String text(List<Opinion> sorted, Map<MemberId, Member> authors, int bodyLength) {
        var lines = new ArrayList<String>();
        sorted.stream().filter(Opinion::spoken).forEach(opinion -> lines.add(line(opinion, authors, bodyLength)));
        List<Opinion> written = sorted.stream().filter(opinion -> !opinion.spoken()).toList();
        if (!written.isEmpty()) {
            lines.add(messages.getMessage("discussion.minutes.written", null, VIETNAMESE));
            written.forEach(opinion -> lines.add(line(opinion, authors, bodyLength)));
        }
        return String.join("\n", lines);
    }

    private String line(Opinion opinion, Map<MemberId, Member> authors, int bodyLength) {
        String body = shorten(OpinionText.oneLine(opinion.body()), bodyLength);
        return messages.getMessage("discussion.minutes.opinion",
                new Object[] { authors.get(opinion.author()).fullName(), body }, VIETNAMESE);
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
