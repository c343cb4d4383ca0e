package vn.chibo.meeting;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Who may do what with a meeting. Members of the cell and the committees above it see published and
 * closed meetings. Drafts are seen only by those who run the cell, who also manage meetings. Members
 * whose member record is in the meeting's cell answer it while it is published.
 */
@Component
public class MeetingPermissions {

    private final CellAccess cellAccess;
    private final Members members;

    MeetingPermissions(CellAccess cellAccess, Members members) {
        this.cellAccess = cellAccess;
        this.members = members;
    }

    public boolean canView(Actor actor, Meeting meeting) {
        if (!cellAccess.canView(actor, meeting.cellId())) {
            return false;
        }
        return !meeting.isDraft() || canManage(actor, meeting);
    }

    public boolean canManage(Actor actor, Meeting meeting) {
        return cellAccess.canRun(actor, meeting.cellId());
    }

    /** Returns whether the actor chairs the meeting, or runs the cell and may stand in for the chair. */
    public boolean canChair(Actor actor, Meeting meeting) {
        var chair = meeting.chair();
        boolean isChair = chair != null && actor.memberId() != null && actor.memberId() == chair.value();
        return isChair || canManage(actor, meeting);
    }

    /** Returns the actor's own member record if it is on the roster of the meeting's cell. */
    public Optional<Member> memberOf(Actor actor, Meeting meeting) {
        return actor.member()
                .flatMap(id -> members.findOnRoster(meeting.cellId(), MemberId.of(id)));
    }

    /** Returns whether the actor may answer the meeting: a member of its cell, while it is published. */
    public boolean canAnswer(Actor actor, Meeting meeting) {
        return meeting.isPublished() && canView(actor, meeting) && memberOf(actor, meeting).isPresent();
    }

    public void requireView(Actor actor, Meeting meeting) {
        if (!canView(actor, meeting)) {
            throw NotFoundException.hidden();
        }
    }

    public void requireManage(Actor actor, Meeting meeting) {
        requireView(actor, meeting);
        if (!canManage(actor, meeting)) {
            throw ForbiddenException.notAllowed();
        }
    }

    public void requireChair(Actor actor, Meeting meeting) {
        requireView(actor, meeting);
        if (!canChair(actor, meeting)) {
            throw ForbiddenException.notAllowed();
        }
    }

    /** Returns the actor's member record for answering, failing as {@link #canAnswer} decides. */
    public Member requireAnswer(Actor actor, Meeting meeting) {
        requireView(actor, meeting);
        Member member = memberOf(actor, meeting).orElseThrow(ForbiddenException::notAllowed);
        meeting.requireStatus(MeetingStatus.PUBLISHED);
        return member;
    }
}
