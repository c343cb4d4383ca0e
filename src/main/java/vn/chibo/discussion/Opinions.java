package vn.chibo.discussion;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.NotFoundException;

/** Reads the opinions of meetings. */
@Component
public class Opinions {

    private final OpinionStore store;
    private final Meetings meetings;
    private final DiscussionPermissions permissions;
    private final Members members;

    Opinions(OpinionStore store, Meetings meetings, DiscussionPermissions permissions, Members members) {
        this.members = members;
        this.store = store;
        this.meetings = meetings;
        this.permissions = permissions;
    }

    /** Returns the meeting's opinions that are not withdrawn, the earliest first, without a permission check. */
    public List<Opinion> ofMeeting(MeetingId meeting) {
        return store.listed(meeting);
    }

    /**
     * Returns the meeting's opinions that are not withdrawn, the earliest first, with their authors'
     * names, for a reader the caller has checked.
     */
    public List<OpinionView> viewsOf(Actor reader, Meeting meeting) {
        List<Opinion> listed = ofMeeting(meeting.id());
        Map<MemberId, Member> authors = members.byIds(listed.stream().map(Opinion::author).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));

        return listed.stream()
                .map(opinion -> new OpinionView(opinion, nameOf(authors.get(opinion.author())),
                        reader.memberId() != null && reader.memberId() == opinion.author().value()))
                .toList();
    }

    /**
     * Returns an opinion that is not withdrawn, on a meeting the actor may see. Fails with not-found
     * otherwise, so that a withdrawn opinion and another cell's look alike.
     */
    public Opinion visibleTo(Actor actor, OpinionId id) {
        Opinion opinion = store.find(id).filter(found -> !found.isWithdrawn()).orElseThrow(NotFoundException::hidden);
        Meeting meeting = meetings.get(opinion.meetingId());
        if (!permissions.canView(actor, meeting)) {
            throw NotFoundException.hidden();
        }
        return opinion;
    }

    /** Returns the texts an edited opinion had before, the oldest first. */
    List<String> earlierTexts(OpinionId id) {
        return store.earlierTexts(id);
    }

    private static String nameOf(@Nullable Member member) {
        return member == null ? "" : member.fullName();
    }
}
