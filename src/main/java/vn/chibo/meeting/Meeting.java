package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import vn.chibo.member.MemberId;
import vn.chibo.organization.OrganizationId;

/**
 * A meeting of one cell, the aggregate of its details and agenda. State changes check the current
 * status and fail with {@link MeetingNotInState} naming the expected and the actual one.
 */
@Table
public class Meeting {

    static final int TITLE_MAX_LENGTH = 200;
    static final int PLACE_MAX_LENGTH = 300;
    static final int LINK_MAX_LENGTH = 500;
    static final int AGENDA_TITLE_MAX_LENGTH = 300;
    static final int AGENDA_DESCRIPTION_MAX_LENGTH = 2000;

    private @Id @Nullable Long id;
    private final long cellId;
    private MeetingKind kind;
    private MeetingMode mode;
    private String title;
    private Instant startsAt;
    private Instant plannedEndAt;
    private @Nullable String place;
    private @Nullable String onlineLink;
    private @Nullable Long chairMemberId;
    private @Nullable Long minuteTakerMemberId;
    private MeetingStatus status;
    private final @Nullable Long createdBy;
    private final Instant createdAt;
    private @Nullable Instant publishedAt;
    private @Nullable Instant closedAt;
    private @Nullable Instant startedAt;
    private @Nullable Instant cancelledAt;
    private @Nullable String cancelReason;
    private @Nullable Instant minutesApprovedAt;
    private boolean combinedSession;
    private @Nullable Long currentAgendaItemId;
    private @Nullable Instant currentItemSince;
    private @Version @Nullable Integer version;

    @MappedCollection(idColumn = "meeting_id", keyColumn = "position")
    private List<AgendaItem> agenda;

    @PersistenceCreator
    Meeting(@Nullable Long id, long cellId, MeetingKind kind, MeetingMode mode, String title, Instant startsAt,
            Instant plannedEndAt, @Nullable String place, @Nullable String onlineLink, @Nullable Long chairMemberId,
            @Nullable Long minuteTakerMemberId, MeetingStatus status, @Nullable Long createdBy, Instant createdAt,
            @Nullable Instant publishedAt, @Nullable Instant closedAt, @Nullable Instant startedAt,
            @Nullable Instant cancelledAt, @Nullable String cancelReason, @Nullable Instant minutesApprovedAt,
            boolean combinedSession, @Nullable Long currentAgendaItemId, @Nullable Instant currentItemSince,
            @Nullable Integer version, List<AgendaItem> agenda) {
        this.id = id;
        this.cellId = cellId;
        this.kind = kind;
        this.mode = mode;
        this.title = title;
        this.startsAt = startsAt;
        this.plannedEndAt = plannedEndAt;
        this.place = place;
        this.onlineLink = onlineLink;
        this.chairMemberId = chairMemberId;
        this.minuteTakerMemberId = minuteTakerMemberId;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.publishedAt = publishedAt;
        this.closedAt = closedAt;
        this.startedAt = startedAt;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        this.minutesApprovedAt = minutesApprovedAt;
        this.combinedSession = combinedSession;
        this.currentAgendaItemId = currentAgendaItemId;
        this.currentItemSince = currentItemSince;
        this.version = version;
        this.agenda = new ArrayList<>(agenda);
    }

    /**
     * Starts a draft meeting of the cell with checked details.
     *
     * @param onlineLinkRequired whether an online or hybrid meeting needs a link, as {@link MeetingDetails#problems(boolean)}
     */
    static Meeting schedule(OrganizationId cell, MeetingDetails details, @Nullable Long createdBy, Instant now,
            boolean onlineLinkRequired) {
        check(details, onlineLinkRequired);
        var meeting = new Meeting(null, cell.value(), details.kind(), details.mode(), details.title().strip(),
                details.startsAt(), details.plannedEndAt(), null, null, null, null, MeetingStatus.DRAFT, createdBy,
                now, null, null, null, null, null, null, false, null, null, null, List.of());
        meeting.apply(details);
        return meeting;
    }

    /**
     * Changes the details of a meeting that has not closed yet.
     *
     * @param onlineLinkRequired whether an online or hybrid meeting needs a link, as {@link MeetingDetails#problems(boolean)}
     * @return which of the details that members are notified of changed
     */
    Set<MeetingChange> revise(MeetingDetails details, boolean onlineLinkRequired) {
        requireNotClosed();
        check(details, onlineLinkRequired);
        Meeting before = copy();
        apply(details);
        return MeetingChange.between(before, this);
    }

    private Meeting copy() {
        return new Meeting(id, cellId, kind, mode, title, startsAt, plannedEndAt, place, onlineLink, chairMemberId,
                minuteTakerMemberId, status, createdBy, createdAt, publishedAt, closedAt, startedAt, cancelledAt,
                cancelReason, minutesApprovedAt, combinedSession, currentAgendaItemId, currentItemSince, version, agenda);
    }

    /** Announces the meeting; it needs a chair and a minute taker by then. */
    void publish(Instant now) {
        requireStatus(MeetingStatus.DRAFT);
        if (chairMemberId == null) {
            throw new InvalidMeeting("meeting.error.chairMissing");
        }
        if (minuteTakerMemberId == null) {
            throw new InvalidMeeting("meeting.error.minuteTakerMissing");
        }
        status = MeetingStatus.PUBLISHED;
        publishedAt = now;
    }

    /**
     * Opens a published meeting: from now on members check in, speak and vote. The first agenda item,
     * the opening in the usual order, is under discussion from the start.
     */
    void start(Instant now) {
        requireStatus(MeetingStatus.PUBLISHED);
        status = MeetingStatus.IN_PROGRESS;
        startedAt = now;
        if (!agenda.isEmpty()) {
            currentAgendaItemId = agenda.getFirst().id();
            currentItemSince = now;
        }
    }

    /**
     * Moves the meeting to one of its agenda items, in any order: a chair may come back to an item. The
     * item discussed before ends, so members can no longer ask to speak on it.
     *
     * @return whether the item under discussion changed
     */
    boolean discuss(long agendaItemId, Instant now) {
        requireStatus(MeetingStatus.IN_PROGRESS);
        if (agenda.stream().noneMatch(item -> item.id() != null && item.id() == agendaItemId)) {
            throw new InvalidMeeting("meeting.error.unknownAgendaItem");
        }
        if (currentAgendaItemId != null && currentAgendaItemId == agendaItemId) {
            return false;
        }
        currentAgendaItemId = agendaItemId;
        currentItemSince = now;
        return true;
    }

    /** Ends a meeting in progress; its real length runs from {@link #startedAt} to {@link #closedAt}. */
    void close(Instant now) {
        requireStatus(MeetingStatus.IN_PROGRESS);
        status = MeetingStatus.CLOSED;
        closedAt = now;
        currentAgendaItemId = null;
        currentItemSince = null;
    }

    /** Calls the meeting off before it starts; the reason is kept and shown to the members. */
    void cancel(String reason, Instant now) {
        requireStatus(MeetingStatus.DRAFT, MeetingStatus.PUBLISHED);
        status = MeetingStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = now;
    }

    /** Records that the chair and the minute taker have both approved the minutes. */
    void minutesApproved(Instant now) {
        requireStatus(MeetingStatus.CLOSED);
        status = MeetingStatus.MINUTES_APPROVED;
        minutesApprovedAt = now;
    }

    /** Fails with {@link MeetingNotInState} once the meeting has closed, when nothing may change any more. */
    public void requireNotClosed() {
        if (status.isOver() || status == MeetingStatus.CANCELLED) {
            throw new MeetingNotInState(MeetingStatus.PUBLISHED, status);
        }
    }

    /** Fails with {@link MeetingNotInState}, naming the first allowed status, unless the meeting is in one of them. */
    public void requireStatus(MeetingStatus expected, MeetingStatus... alsoAllowed) {
        if (status == expected) {
            return;
        }
        for (MeetingStatus allowed : alsoAllowed) {
            if (status == allowed) {
                return;
            }
        }
        throw new MeetingNotInState(expected, status);
    }

    private void apply(MeetingDetails details) {
        kind = details.kind();
        mode = details.mode();
        title = details.title().strip();
        startsAt = details.startsAt();
        plannedEndAt = details.plannedEndAt();
        place = details.mode().hasPlace() ? strippedOrNull(details.place()) : null;
        onlineLink = details.mode().hasOnlineLink() ? strippedOrNull(details.onlineLink()) : null;
        combinedSession = details.combinedSession();
        chairMemberId = details.chair() == null ? null : details.chair().value();
        minuteTakerMemberId = details.minuteTaker() == null ? null : details.minuteTaker().value();
        List<AgendaItem> revised = details.agenda().stream()
                .map(item -> new AgendaItem(item.title().strip(), strippedOrNull(item.description())))
                .toList();
        agenda = AgendaMatching.keepIds(agenda, revised);
        // Removing the item under discussion leaves no item current until the chair picks the next one.
        if (currentAgendaItemId != null && agenda.stream().noneMatch(item -> currentAgendaItemId.equals(item.id()))) {
            currentAgendaItemId = null;
            currentItemSince = null;
        }
    }

    private static void check(MeetingDetails details, boolean onlineLinkRequired) {
        List<MeetingDetailsProblem> problems = details.problems(onlineLinkRequired);
        if (!problems.isEmpty()) {
            throw problems.getFirst().toException();
        }
    }

    private static @Nullable String strippedOrNull(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip();
    }

    public MeetingId id() {
        if (id == null) {
            throw new IllegalStateException("The meeting has not been saved yet");
        }
        return MeetingId.of(id);
    }

    public OrganizationId cellId() {
        return OrganizationId.of(cellId);
    }

    public MeetingKind kind() {
        return kind;
    }

    public MeetingMode mode() {
        return mode;
    }

    public String title() {
        return title;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant plannedEndAt() {
        return plannedEndAt;
    }

    public @Nullable String place() {
        return place;
    }

    public @Nullable String onlineLink() {
        return onlineLink;
    }

    public @Nullable MemberId chair() {
        return chairMemberId == null ? null : MemberId.of(chairMemberId);
    }

    public @Nullable MemberId minuteTaker() {
        return minuteTakerMemberId == null ? null : MemberId.of(minuteTakerMemberId);
    }

    /** Returns whether a regular and a thematic meeting share this session, which must then last longer. */
    public boolean isCombinedSession() {
        return combinedSession;
    }

    /**
     * Returns how long the meeting really lasted, from its start to its close, or null while it has
     * not closed.
     */
    public @Nullable Duration realLength() {
        if (startedAt == null || closedAt == null) {
            return null;
        }
        return Duration.between(startedAt, closedAt);
    }

    public Duration plannedLength() {
        return Duration.between(startsAt, plannedEndAt);
    }

    public MeetingStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant publishedAt() {
        return publishedAt;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }

    public @Nullable Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public @Nullable String cancelReason() {
        return cancelReason;
    }

    public @Nullable Instant minutesApprovedAt() {
        return minutesApprovedAt;
    }

    /** Returns the number of saves since the meeting was created, which a concurrent change would raise. */
    public int revision() {
        return version == null ? 0 : version;
    }

    public List<AgendaItem> agenda() {
        return List.copyOf(agenda);
    }

    /** Returns the id of the agenda item under discussion, or null when none is (before start, after close). */
    public @Nullable Long currentAgendaItemId() {
        return currentAgendaItemId;
    }

    /** Returns the agenda item under discussion, if the meeting is in progress and the chair has picked one. */
    public Optional<AgendaItem> currentItem() {
        return agenda.stream().filter(item -> item.id() != null && item.id().equals(currentAgendaItemId)).findFirst();
    }

    /** Returns when the current agenda item came under discussion, or null when none is current. */
    public @Nullable Instant currentItemSince() {
        return currentItemSince;
    }

    public boolean isDraft() {
        return status == MeetingStatus.DRAFT;
    }

    public boolean isPublished() {
        return status == MeetingStatus.PUBLISHED;
    }

    public boolean isInProgress() {
        return status == MeetingStatus.IN_PROGRESS;
    }

    /** Returns whether the meeting has ended (closed, or closed with its minutes approved). */
    public boolean isClosed() {
        return status.isOver();
    }

    public boolean isCancelled() {
        return status == MeetingStatus.CANCELLED;
    }
}
