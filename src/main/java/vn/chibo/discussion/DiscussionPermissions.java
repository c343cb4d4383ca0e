package vn.chibo.discussion;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.system.ForbiddenException;

/**
 * Who may read, post, change and mark opinions. Everyone who may see the meeting reads its opinions.
 * Members on the roster of the meeting's cell (official, probationary or attached in from another
 * cell), unless suspended, post opinions while the meeting is published or in progress. Only the
 * author edits or withdraws an opinion, until the meeting closes. The chair, or whoever runs the cell,
 * marks opinions as spoken while the meeting is in progress.
 *
 * <p>On the speaker list, the same members raise a hand while the meeting is in progress and they are
 * marked present (in the room or online) and have not left. The chair, or whoever runs the cell, orders
 * the queue and grants, ends and declines turns.
 */
@Component
public class DiscussionPermissions {

    private final MeetingPermissions meetingPermissions;
    private final Meetings meetings;

    DiscussionPermissions(MeetingPermissions meetingPermissions, Meetings meetings) {
        this.meetingPermissions = meetingPermissions;
        this.meetings = meetings;
    }

    /** Returns whether opinions on the meeting may be posted, edited and withdrawn at all. */
    public static boolean isOpenForOpinions(Meeting meeting) {
        return meeting.isPublished() || meeting.isInProgress();
    }

    public boolean canView(Actor actor, Meeting meeting) {
        return meetingPermissions.canView(actor, meeting);
    }

    /** Returns the actor's member record if it may write opinions on the cell's meetings. */
    public Optional<Member> authorOf(Actor actor, Meeting meeting) {
        return meetingPermissions.memberOf(actor, meeting)
                .filter(member -> member.activityStatus() != ActivityStatus.SUSPENDED);
    }

    public boolean canPost(Actor actor, Meeting meeting) {
        return isOpenForOpinions(meeting) && canView(actor, meeting) && authorOf(actor, meeting).isPresent();
    }

    /** Returns whether the actor wrote the opinion and may still edit or withdraw it. */
    public boolean canChange(Actor actor, Meeting meeting, Opinion opinion) {
        return isOpenForOpinions(meeting) && canView(actor, meeting) && isAuthor(actor, opinion);
    }

    public boolean canMarkSpoken(Actor actor, Meeting meeting) {
        return meeting.isInProgress() && meetingPermissions.canChair(actor, meeting);
    }

    /** Returns whether the actor may raise a hand on the item under discussion now. */
    public boolean canRaiseHand(Actor actor, Meeting meeting) {
        return meeting.isInProgress() && meeting.currentItem().isPresent() && canView(actor, meeting)
                && authorOf(actor, meeting).filter(member -> isPresent(meeting, member)).isPresent();
    }

    /** Returns whether the actor orders the queue and grants, ends and declines turns. */
    public boolean canRunSpeakers(Actor actor, Meeting meeting) {
        return meeting.isInProgress() && meetingPermissions.canChair(actor, meeting);
    }

    /** Returns whether the member is marked present in the room or online and has not left. */
    boolean isPresent(Meeting meeting, Member member) {
        return meetings.markOf(meeting.id(), member.id())
                .filter(mark -> mark.status().isPresent() && mark.leftAt() == null)
                .isPresent();
    }

    /**
     * Fails with forbidden unless the actor may write opinions on the meeting's cell, whatever the
     * meeting's state. Forms call it after the visibility check and before they read the text.
     */
    public void requireAuthorIn(Actor actor, Meeting meeting) {
        authorOf(actor, meeting).orElseThrow(ForbiddenException::notAllowed);
    }

    /** Fails with forbidden unless the actor wrote the opinion. */
    public void requireOwn(Actor actor, Opinion opinion) {
        if (!isAuthor(actor, opinion)) {
            throw ForbiddenException.notAllowed();
        }
    }

    /** Returns the author's member record, failing with not-found, forbidden or the meeting's state. */
    Member requirePost(Actor actor, Meeting meeting) {
        meetingPermissions.requireView(actor, meeting);
        Member author = authorOf(actor, meeting).orElseThrow(ForbiddenException::notAllowed);
        meeting.requireStatus(MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS);
        return author;
    }

    void requireChange(Actor actor, Meeting meeting, Opinion opinion) {
        meetingPermissions.requireView(actor, meeting);
        if (!isAuthor(actor, opinion)) {
            throw ForbiddenException.notAllowed();
        }
        meeting.requireStatus(MeetingStatus.PUBLISHED, MeetingStatus.IN_PROGRESS);
    }

    void requireMarkSpoken(Actor actor, Meeting meeting) {
        meetingPermissions.requireChair(actor, meeting);
        meeting.requireStatus(MeetingStatus.IN_PROGRESS);
    }

    /**
     * Returns the member who may raise a hand, failing with not-found, forbidden or the meeting's state.
     * Whether the item is the current one and the member is present the caller checks next.
     */
    Member requireSpeaker(Actor actor, Meeting meeting) {
        meetingPermissions.requireView(actor, meeting);
        Member member = authorOf(actor, meeting).orElseThrow(ForbiddenException::notAllowed);
        meeting.requireStatus(MeetingStatus.IN_PROGRESS);
        return member;
    }

    void requireRunSpeakers(Actor actor, Meeting meeting) {
        meetingPermissions.requireChair(actor, meeting);
        meeting.requireStatus(MeetingStatus.IN_PROGRESS);
    }

    private static boolean isAuthor(Actor actor, Opinion opinion) {
        return actor.memberId() != null && actor.memberId() == opinion.author().value();
    }
}
