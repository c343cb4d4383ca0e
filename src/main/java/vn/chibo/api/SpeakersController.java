package vn.chibo.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.discussion.DiscussionPermissions;
import vn.chibo.discussion.SpeakerKind;
import vn.chibo.discussion.SpeakerManagement;
import vn.chibo.discussion.SpeakerPanel;
import vn.chibo.discussion.SpeakerRequestStatus;
import vn.chibo.discussion.Speakers;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;

/**
 * The speaker list of a meeting in progress for the handbook app: who has the floor, the queue, and
 * the caller's own raised hand, with the same checks and audit entries as the meeting page.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such meeting or agenda item, or one the caller may not see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class SpeakersController {

    private final Meetings meetings;
    private final Speakers speakers;
    private final SpeakerManagement management;
    private final DiscussionPermissions permissions;

    SpeakersController(Meetings meetings, Speakers speakers, SpeakerManagement management,
            DiscussionPermissions permissions) {
        this.meetings = meetings;
        this.speakers = speakers;
        this.management = management;
        this.permissions = permissions;
    }

    /**
     * @param agendaItemId the item under discussion, or null when none is (the meeting is not in progress)
     * @param timeLimitSeconds how long each speaker may talk on the item; the app counts down, nobody is cut off
     * @param speaking the member who has the floor, or null
     * @param queue the raised hands in the order the chair gives the floor
     * @param own the caller's own open request on the item, or null
     * @param canRaiseHand whether the caller may raise a hand now: a member of the cell marked present
     */
    record SpeakerListResponse(long meetingId, @Nullable Long agendaItemId, @Nullable String agendaItemTitle,
            long timeLimitSeconds, @Nullable SpeakerEntry speaking, List<SpeakerEntry> queue,
            @Nullable SpeakerEntry own, boolean canRaiseHand) {
    }

    /**
     * @param position the place in the queue from 1 while waiting
     * @param subject what the member wants to speak about, or null
     * @param turnStartedAt when the member got the floor, or null while waiting
     * @param own whether the caller made the request
     */
    record SpeakerEntry(long id, long memberId, String name, SpeakerKind kind, @Nullable String subject,
            SpeakerRequestStatus status, int position, Instant requestedAt, @Nullable Instant turnStartedAt,
            boolean own) {
    }

    /**
     * @param agendaItemId the item under discussion, as the app last read it; a request on another item is refused
     * @param subject a few words, at most 200 characters
     */
    record RaiseHandRequest(@Nullable Long agendaItemId, @Nullable SpeakerKind kind, @Nullable String subject) {
    }

    @Operation(summary = "The speaker list of a meeting", description = "The item under discussion, who has the "
            + "floor and the queue in order. Empty when the meeting is not in progress.")
    @ApiResponse(responseCode = "200", description = "The speaker list")
    @GetMapping("/api/v1/meetings/{meetingId}/speakers")
    SpeakerListResponse list(Actor actor, @PathVariable long meetingId) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        return responseOf(speakers.panelFor(actor, meeting));
    }

    @Operation(summary = "Raise one's hand", description = "For members of the meeting's cell marked present (in "
            + "the room or online), on the item under discussion of a meeting in progress. A member whose hand is "
            + "already raised on the item gets the same list back with status 200 and nothing changes.")
    @ApiResponse(responseCode = "201", description = "The hand is raised; the speaker list after it")
    @ApiResponse(responseCode = "200", description = "The hand was already raised; the speaker list, unchanged")
    @ApiResponse(responseCode = "400", description = "The body lacks the agenda item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The caller is not a member of the meeting's cell",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The meeting is not in progress, the item is not (or no longer) "
            + "under discussion, or the caller is not marked present",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The kind is missing, or the subject is longer than 200 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PostMapping(path = "/api/v1/meetings/{meetingId}/speakers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SpeakerListResponse> raise(Actor actor, @PathVariable long meetingId,
            @RequestBody RaiseHandRequest request) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));
        if (request.agendaItemId() == null) {
            // Authorization first: a stranger learns nothing about the body's rules.
            permissions.requireAuthorIn(actor, meeting);
            throw new MissingField("agendaItemId");
        }

        SpeakerManagement.Raised raised = management.raise(actor, meeting.id(), request.agendaItemId(),
                request.kind(), request.subject());

        SpeakerListResponse body = responseOf(speakers.panelFor(actor, meetings.get(meeting.id())));
        return ResponseEntity.status(raised.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    @Operation(summary = "Lower one's hand", description = "Withdraws the caller's waiting request in the meeting. A "
            + "member who has the floor cannot; the chair ends the turn.")
    @ApiResponse(responseCode = "204", description = "The hand is lowered")
    @ApiResponse(responseCode = "403", description = "The caller is not a member of the meeting's cell",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The meeting is not in progress, the caller has no raised "
            + "hand, or the caller has the floor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @DeleteMapping("/api/v1/meetings/{meetingId}/speakers/mine")
    ResponseEntity<Void> lower(Actor actor, @PathVariable long meetingId) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        management.lowerOwn(actor, meeting.id());

        return ResponseEntity.noContent().build();
    }

    private static SpeakerListResponse responseOf(SpeakerPanel panel) {
        var item = panel.item();
        return new SpeakerListResponse(panel.meetingId(), item == null ? null : item.id(),
                item == null ? null : item.title(), panel.timeLimit().toSeconds(), entryOf(panel.speaking()),
                panel.queue().stream().map(SpeakersController::entryOf).toList(), entryOf(panel.own()),
                panel.canRaise());
    }

    private static @Nullable SpeakerEntry entryOf(SpeakerPanel.@Nullable Entry entry) {
        if (entry == null) {
            return null;
        }
        var request = entry.request();
        return new SpeakerEntry(request.id().value(), request.member().value(), entry.name(), request.kind(),
                request.subject(), request.status(), request.position(), request.requestedAt(),
                request.turnStartedAt(), entry.own());
    }
}
