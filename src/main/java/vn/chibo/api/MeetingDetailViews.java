package vn.chibo.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.document.StoredFile;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingDocument;
import vn.chibo.meeting.MeetingDocuments;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.meeting.MeetingResponse;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.ReasonDecision;
import vn.chibo.meeting.ResponseAnswer;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.Formats;

/**
 * The JSON shapes of a meeting in the API. Their fields are a contract with the mobile app and with
 * the endpoints under {@code /api/v1/meetings/{id}/}: add fields, but never rename or remove one.
 * Times are ISO-8601 with the offset of the configured zone, such as {@code 2026-12-20T19:30:00+07:00}.
 */
@Component
class MeetingDetailViews {

    private final Meetings meetings;
    private final MeetingDocuments documents;
    private final MeetingManagement management;
    private final Organizations organizations;
    private final Formats formats;

    MeetingDetailViews(Meetings meetings, MeetingDocuments documents, MeetingManagement management,
            Organizations organizations, Formats formats) {
        this.meetings = meetings;
        this.documents = documents;
        this.management = management;
        this.organizations = organizations;
        this.formats = formats;
    }

    /**
     * A meeting in a list.
     *
     * @param combinedSession whether a regular meeting also serves as the quarter's thematic one
     * @param place null for an online meeting
     * @param onlineLink null for a meeting in person only
     * @param cancellation null unless the meeting was cancelled
     */
    record MeetingSummary(long id, long cellId, String cellName, String title, MeetingKind kind,
            boolean combinedSession, MeetingMode mode, MeetingStatus status,
            @Schema(example = "2026-12-20T19:30:00+07:00") OffsetDateTime startsAt,
            @Schema(example = "2026-12-20T21:30:00+07:00") OffsetDateTime plannedEndAt, @Nullable String place,
            @Nullable String onlineLink, @Nullable Cancellation cancellation) {
    }

    /**
     * A meeting with everything its page shows to a member.
     *
     * @param startedAt when the chair started it, or null before
     * @param closedAt when it closed, or null before
     * @param minutesApprovedAt when its minutes were approved, or null before
     * @param closedShort whether it closed after less real time (start to close) than its minimum length
     * @param minimumMinutes the minimum length of this meeting, 90 or 120 minutes unless configured otherwise
     * @param chair who presides, or null before one is named
     * @param minuteTaker who writes the minutes, or null before one is named
     * @param agenda the agenda in order; each item's id stays the same while its title does
     * @param currentAgendaItemId the id of the agenda item under discussion while the meeting is in
     *     progress, or null before the start, after the close, or when the chair removed that item
     * @param documents the documents in the order they were attached
     * @param myAnswer the caller's own answer whether they attend, or null if they gave none or are not a
     *     member of the cell
     * @param myAttendance how the roll marks the caller, or null while unmarked
     */
    record MeetingDetail(long id, long cellId, String cellName, String title, MeetingKind kind,
            boolean combinedSession, MeetingMode mode, MeetingStatus status,
            @Schema(example = "2026-12-20T19:30:00+07:00") OffsetDateTime startsAt,
            @Schema(example = "2026-12-20T21:30:00+07:00") OffsetDateTime plannedEndAt,
            @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime closedAt,
            @Nullable OffsetDateTime minutesApprovedAt, @Nullable Cancellation cancellation, boolean closedShort,
            long minimumMinutes, @Nullable String place, @Nullable String onlineLink, @Nullable Person chair,
            @Nullable Person minuteTaker, List<AgendaEntry> agenda, @Nullable Long currentAgendaItemId,
            List<DocumentEntry> documents,
            @Nullable Answer myAnswer, @Nullable AttendanceStatus myAttendance) {
    }

    record Cancellation(OffsetDateTime cancelledAt, String reason) {
    }

    record Person(long memberId, String fullName) {
    }

    /** @param position the place in the agenda, from 1 */
    record AgendaEntry(long id, int position, String title, @Nullable String description) {
    }

    /**
     * @param fileName the name, type and size of the file that a download returns: for a document that
     *        is not a PDF, its stamped PDF copy
     * @param attachedLate whether it was attached less than a day before the planned start
     */
    record DocumentEntry(long id, String fileName, String contentType, long sizeBytes, OffsetDateTime attachedAt,
            boolean attachedLate) {
    }

    /**
     * @param reason why the caller stays away, or null
     * @param reasonDecision the secretary's decision on the reason, or null without a reason
     */
    record Answer(ResponseAnswer answer, @Nullable String reason, @Nullable ReasonDecision reasonDecision,
            OffsetDateTime answeredAt) {
    }

    MeetingSummary summaryOf(Meeting meeting) {
        return new MeetingSummary(meeting.id().value(), meeting.cellId().value(), cellName(meeting), meeting.title(),
                meeting.kind(), meeting.isCombinedSession(), meeting.mode(), meeting.status(),
                time(meeting.startsAt()), time(meeting.plannedEndAt()), meeting.place(), meeting.onlineLink(),
                cancellationOf(meeting));
    }

    MeetingDetail detailOf(Meeting meeting, @Nullable MeetingResponse answer, @Nullable RollMark mark) {
        Map<MemberId, Member> roster = meetings.rosterOf(meeting).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        List<AgendaItem> items = meeting.agenda();
        List<AgendaEntry> agenda = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AgendaItem item = items.get(i);
            agenda.add(new AgendaEntry(item.id() == null ? 0 : item.id(), i + 1, item.title(), item.description()));
        }
        List<DocumentEntry> attached = documents.of(meeting.id()).stream()
                .map(document -> documentOf(document, meeting))
                .toList();

        return new MeetingDetail(meeting.id().value(), meeting.cellId().value(), cellName(meeting), meeting.title(),
                meeting.kind(), meeting.isCombinedSession(), meeting.mode(), meeting.status(),
                time(meeting.startsAt()), time(meeting.plannedEndAt()), timeOrNull(meeting.startedAt()),
                timeOrNull(meeting.closedAt()), timeOrNull(meeting.minutesApprovedAt()), cancellationOf(meeting),
                management.lengthRule().closedShort(meeting), management.lengthRule().minimumMinutes(meeting),
                meeting.place(), meeting.onlineLink(), personOf(meeting.chair(), roster),
                personOf(meeting.minuteTaker(), roster), agenda, meeting.currentAgendaItemId(), attached,
                answerOf(answer),
                mark == null ? null : mark.status());
    }

    private DocumentEntry documentOf(MeetingDocument document, Meeting meeting) {
        StoredFile served = document.served();
        return new DocumentEntry(document.id().value(), served.fileName(), served.contentType(), served.sizeBytes(),
                time(document.attachedAt()), document.isLateFor(meeting));
    }

    private @Nullable Answer answerOf(@Nullable MeetingResponse response) {
        if (response == null) {
            return null;
        }
        return new Answer(response.answer(), response.reason(), response.decision(), time(response.answeredAt()));
    }

    private @Nullable Cancellation cancellationOf(Meeting meeting) {
        if (!meeting.isCancelled() || meeting.cancelledAt() == null || meeting.cancelReason() == null) {
            return null;
        }
        return new Cancellation(time(meeting.cancelledAt()), meeting.cancelReason());
    }

    private static @Nullable Person personOf(@Nullable MemberId id, Map<MemberId, Member> roster) {
        if (id == null || !roster.containsKey(id)) {
            return null;
        }
        return new Person(id.value(), roster.get(id).fullName());
    }

    private String cellName(Meeting meeting) {
        return organizations.get(meeting.cellId()).name();
    }

    private OffsetDateTime time(Instant instant) {
        return formats.local(instant).toOffsetDateTime();
    }

    private @Nullable OffsetDateTime timeOrNull(@Nullable Instant instant) {
        return instant == null ? null : time(instant);
    }
}
