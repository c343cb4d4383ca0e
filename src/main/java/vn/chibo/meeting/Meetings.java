package vn.chibo.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.Formats;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.RequestMemo;

/** Reads meetings, their roll and their attendance figures. */
@Component
public class Meetings {

    private final MeetingRepository repository;
    private final JdbcClient jdbc;
    private final Attendances attendances;
    private final Members members;
    private final MeetingPermissions permissions;
    private final MeetingRosters rosters;
    private final MeetingRows rows;
    private final Organizations organizations;
    private final Formats formats;
    private final Clock clock;

    Meetings(MeetingRepository repository, MeetingRows rows, Attendances attendances, Members members,
            MeetingPermissions permissions, MeetingRosters rosters, JdbcClient jdbc, Organizations organizations,
            Formats formats, Clock clock) {
        this.organizations = organizations;
        this.formats = formats;
        this.clock = clock;
        this.rosters = rosters;
        this.jdbc = jdbc;
        this.repository = repository;
        this.rows = rows;
        this.attendances = attendances;
        this.members = members;
        this.permissions = permissions;
    }

    /**
     * Finds the meeting, read once per web request ({@link RequestMemo}): checking access, the
     * voter and the roll each ask for it. {@link #lock} reads it afresh, and saving or deleting a
     * meeting drops it from the memo ({@link MeetingMemoEviction}).
     */
    public Optional<Meeting> find(MeetingId id) {
        return RequestMemo.get(memoKey(id.value()), () -> rows.find(id.value()));
    }

    static String memoKey(long meeting) {
        return "meeting." + meeting;
    }

    /** Returns the meeting without checking who asks; for modules that check on their own. */
    public Meeting get(MeetingId id) {
        return find(id).orElseThrow(NotFoundException::hidden);
    }

    /**
     * Locks the meeting's row until the caller's transaction ends and returns the meeting as it stands
     * once the lock is held. Steps that must not overlap, such as opening a vote and closing the
     * meeting, each take this lock first, so each sees the other's committed work.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Meeting lock(MeetingId id) {
        RequestMemo.forget(memoKey(id.value()));
        // Not kept in the memo: the caller may change this copy and then fail before saving it.
        return rows.lock(id.value()).orElseThrow(NotFoundException::hidden);
    }

    /**
     * Locks the meeting's row against {@link #lock} until the caller's transaction ends, but not against
     * other holders of this lock (on PostgreSQL), and returns the meeting as it is once the lock is held.
     * It is for steps that only add rows of their own and must not overlap a change of the meeting:
     * members checking in, joining online or posting an opinion. A close then waits for those in
     * progress, while the members of one meeting do not wait for one another.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Meeting lockShared(MeetingId id) {
        RequestMemo.forget(memoKey(id.value()));
        return rows.lockShared(id.value()).orElseThrow(NotFoundException::hidden);
    }

    /** Returns the meeting if the actor may see it, and fails with not-found otherwise. */
    public Meeting visibleTo(Actor actor, MeetingId id) {
        Meeting meeting = get(id);
        permissions.requireView(actor, meeting);
        return meeting;
    }

    /** Returns the meetings of a cell, the latest first. */
    public List<Meeting> ofCell(OrganizationId cell) {
        return repository.findByCell(cell.value());
    }

    /** Returns the drafts and published meetings of a cell that have not closed, the earliest first. */
    public List<Meeting> openOf(OrganizationId cell) {
        return repository.findOpenByCell(cell.value());
    }

    /** Returns the meetings of a cell that the actor may see, the latest first. */
    public List<Meeting> ofCellVisibleTo(Actor actor, OrganizationId cell) {
        return ofCell(cell).stream().filter(meeting -> permissions.canView(actor, meeting)).toList();
    }

    /**
     * Returns the meetings announced to the members of the cells (published or later, and those
     * cancelled after being published) which start in {@code [from, until)}, the earliest first.
     * Drafts, and drafts that were cancelled, are left out, and so is anything the actor may not see.
     */
    public List<Meeting> announcedBetween(Actor actor, Collection<OrganizationId> cells, Instant from, Instant until) {
        return cells.stream()
                .flatMap(cell -> ofCell(cell).stream())
                .filter(meeting -> !meeting.startsAt().isBefore(from) && meeting.startsAt().isBefore(until))
                .filter(meeting -> meeting.publishedAt() != null && !meeting.isDraft())
                .filter(meeting -> permissions.canView(actor, meeting))
                .sorted(Comparator.comparing(Meeting::startsAt).thenComparing(meeting -> meeting.id().value()))
                .toList();
    }

    /** Returns the cell's published or closed meeting that starts last, drafts left out. */
    public Optional<Meeting> latestAnnouncedOf(OrganizationId cell) {
        return repository.findLatestAnnouncedByCell(cell.value());
    }

    /**
     * Returns the months and quarters in which the cell held no regular or thematic meeting, as
     * {@link MissingMeetings} counts them. It checks no permission: only those who run the cell and
     * the officers above it should be shown the result.
     */
    public MissingMeetings missingOf(OrganizationId cell) {
        // Four columns decide, so no meeting is loaded whole: each aggregate's agenda would cost one more
        // query, 680 of them for a committee officer's home page over 40 cells and a year of meetings.
        List<MissingMeetings.Held> held = jdbc.sql("""
                select kind, combined_session, status, starts_at from meeting where cell_id = :cell
                """)
                .param("cell", cell.value())
                .query((row, number) -> new MissingMeetings.Held(MeetingKind.valueOf(row.getString("kind")),
                        row.getBoolean("combined_session"), MeetingStatus.valueOf(row.getString("status")),
                        formats.local(Objects.requireNonNull(JdbcTime.instant(row, "starts_at"))).toLocalDate()))
                .list();
        LocalDate created = formats.local(organizations.createdAt(cell)).toLocalDate();
        return MissingMeetings.of(held, created, LocalDate.now(clock.withZone(formats.zone())));
    }

    public Map<MemberId, RollMark> roll(MeetingId meeting) {
        return attendances.of(meeting);
    }

    public Optional<RollMark> markOf(MeetingId meeting, MemberId member) {
        return attendances.of(meeting, member);
    }

    /** Counts the cell's current roster against the meeting's roll. */
    public AttendanceTally tally(MeetingId id) {
        Meeting meeting = get(id);
        Map<MemberId, AttendanceStatus> marks = attendances.of(id).values().stream()
                .collect(Collectors.toMap(RollMark::memberId, RollMark::status));
        return AttendanceTally.of(rosterOf(meeting), marks);
    }

    /**
     * Returns the roster the meeting's figures are counted against, in Vietnamese name order: as it stood
     * at closing for a closed meeting, else the cell's roster now.
     */
    public List<Member> rosterOf(Meeting meeting) {
        // One meeting page counts the roll and lists the roster several times; no request that shows
        // a meeting changes the roster.
        return RequestMemo.get("roster." + meeting.id().value(),
                () -> List.copyOf(rosters.kept(meeting.id()).orElseGet(() -> members.ofCell(meeting.cellId()))));
    }
}
