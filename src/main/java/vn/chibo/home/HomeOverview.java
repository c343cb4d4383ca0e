package vn.chibo.home;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.account.Grant;
import vn.chibo.account.Role;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingResponse;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.MissingMeetings;
import vn.chibo.member.Member;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.OrganizationKind;
import vn.chibo.organization.Organizations;

/** Gathers what the home page shows: the actor's cells with their coming meetings, and supervised cells. */
@Component
class HomeOverview {

    private final Organizations organizations;
    private final CellAccess cellAccess;
    private final Meetings meetings;
    private final MeetingPermissions meetingPermissions;
    private final MeetingResponses responses;

    HomeOverview(Organizations organizations, CellAccess cellAccess, Meetings meetings,
            MeetingPermissions meetingPermissions, MeetingResponses responses) {
        this.organizations = organizations;
        this.cellAccess = cellAccess;
        this.meetings = meetings;
        this.meetingPermissions = meetingPermissions;
        this.responses = responses;
    }

    /** Returns each active cell in which the actor has a role, by name. */
    List<CellOverview> cellsOf(Actor actor) {
        return actor.grants().stream()
                .map(Grant::organizationId)
                .distinct()
                .map(organizations::find)
                .flatMap(Optional::stream)
                .filter(organization -> organization.isCell() && !organization.isArchived())
                .sorted(Comparator.comparing(Organization::name))
                .map(cell -> overviewOf(actor, cell))
                .toList();
    }

    /** Returns the cell's meetings that have not closed and that the actor may see, the earliest first. */
    CellOverview overviewOf(Actor actor, Organization cell) {
        boolean runs = cellAccess.canRun(actor, cell.id());
        var summaries = new ArrayList<MeetingSummary>();
        for (Meeting meeting : meetings.openOf(cell.id())) {
            if (!meetingPermissions.canView(actor, meeting)) {
                continue;
            }
            MeetingResponse mine = meetingPermissions.memberOf(actor, meeting)
                    .map(Member::id)
                    .flatMap(member -> responses.of(meeting.id(), member))
                    .orElse(null);
            int pending = runs && meeting.isPublished() ? responses.pendingCount(meeting.id()) : 0;
            boolean member = meetingPermissions.memberOf(actor, meeting).isPresent();
            summaries.add(new MeetingSummary(meeting, member, mine, pending));
        }
        return new CellOverview(cell, runs, summaries, runs ? meetings.missingOf(cell.id()) : null);
    }

    /** Returns, per committee the actor supervises, every cell below it with its latest announced meeting. */
    List<CommitteeOverview> supervisedBy(Actor actor) {
        return actor.organizationsWith(Role.COMMITTEE_OFFICER).stream()
                .map(organizations::find)
                .flatMap(Optional::stream)
                .filter(committee -> !committee.isArchived())
                .sorted(Comparator.comparing(Organization::name))
                .map(committee -> new CommitteeOverview(committee, cellsBelow(committee.id()).stream()
                        .map(cell -> new SupervisedCell(cell, meetings.latestAnnouncedOf(cell.id()).orElse(null),
                                meetings.missingOf(cell.id())))
                        .toList()))
                .toList();
    }

    private List<Organization> cellsBelow(OrganizationId committee) {
        var cells = new ArrayList<Organization>();
        for (Organization child : organizations.children(committee)) {
            if (child.kind() == OrganizationKind.CELL) {
                cells.add(child);
            }
            else if (child.kind() == OrganizationKind.COMMITTEE) {
                cells.addAll(cellsBelow(child.id()));
            }
        }
        return cells;
    }

    /**
     * One of the actor's cells with its coming meetings.
     *
     * @param runs whether the actor is its secretary or deputy
     * @param missing the meetings the cell failed to hold; only for those who run it, else null
     */
    record CellOverview(Organization cell, boolean runs, List<MeetingSummary> meetings,
            @Nullable MissingMeetings missing) {
    }

    /**
     * A coming meeting as the home page lists it.
     *
     * @param member whether the actor is on the cell's roster and so answers the meeting
     * @param myResponse the actor's own answer, or null
     * @param pendingReasons reasons for absence waiting for a decision; counted only for those who run the cell
     */
    record MeetingSummary(Meeting meeting, boolean member, @Nullable MeetingResponse myResponse, int pendingReasons) {
    }

    record CommitteeOverview(Organization committee, List<SupervisedCell> cells) {
    }

    /**
     * @param latest the cell's latest published or closed meeting, or null if it has held none
     * @param missing the months and quarters in which the cell held no regular or thematic meeting
     */
    record SupervisedCell(Organization cell, @Nullable Meeting latest, MissingMeetings missing) {
    }
}
