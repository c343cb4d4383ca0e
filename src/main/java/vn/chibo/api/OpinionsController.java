package vn.chibo.api;

import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.discussion.DiscussionPermissions;
import vn.chibo.discussion.Opinion;
import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.discussion.OpinionView;
import vn.chibo.discussion.Opinions;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;

/**
 * Members' opinions on the agenda items of a meeting, with the same checks and audit entries as the
 * meeting page. Everyone who may see the meeting reads them, and members of the cell post them while
 * the meeting is published or in progress. Only the author edits or withdraws one, until the meeting
 * closes.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such meeting, agenda item or opinion, one the caller may not "
        + "see, or a withdrawn opinion",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class OpinionsController {

    private final Meetings meetings;
    private final Opinions opinions;
    private final OpinionManagement management;
    private final DiscussionPermissions permissions;

    OpinionsController(Meetings meetings, Opinions opinions, OpinionManagement management,
            DiscussionPermissions permissions) {
        this.meetings = meetings;
        this.opinions = opinions;
        this.management = management;
        this.permissions = permissions;
    }

    /**
     * @param open whether opinions may still be posted, edited and withdrawn
     * @param canPost whether the caller may post opinions on this meeting now
     */
    record MeetingOpinionsResponse(long meetingId, boolean open, boolean canPost, List<ItemOpinions> items) {
    }

    /** @param position the item's place in the agenda, from 1 */
    record ItemOpinions(long agendaItemId, int position, String title, List<OpinionEntry> opinions) {
    }

    /**
     * @param body plain text with line breaks (LF), never HTML
     * @param spoken whether the chair marked it as spoken in the meeting
     * @param own whether the caller wrote it, and so may edit or withdraw it while the meeting is open
     */
    record OpinionEntry(long id, long agendaItemId, long authorMemberId, String authorName, String body,
            Instant postedAt, @Nullable Instant editedAt, boolean spoken, boolean own) {
    }

    /** @param text plain text of at most 4,000 characters; line breaks are kept */
    record OpinionRequest(@Nullable String text) {
    }

    @Operation(summary = "The opinions on a meeting's agenda", description = "Every agenda item in agenda order, "
            + "each with its opinions, the earliest first. Withdrawn opinions are left out.")
    @ApiResponse(responseCode = "200", description = "The opinions by agenda item")
    @GetMapping("/api/v1/meetings/{meetingId}/opinions")
    MeetingOpinionsResponse list(Actor actor, @PathVariable long meetingId) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        List<OpinionView> views = opinions.viewsOf(actor, meeting);
        List<AgendaItem> agenda = meeting.agenda();
        var items = new ArrayList<ItemOpinions>();
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            List<OpinionEntry> entries = views.stream()
                    .filter(view -> item.id() != null && view.opinion().agendaItemId() == item.id())
                    .map(OpinionsController::entryOf)
                    .toList();
            items.add(new ItemOpinions(item.id() == null ? 0 : item.id(), i + 1, item.title(), entries));
        }
        return new MeetingOpinionsResponse(meeting.id().value(), DiscussionPermissions.isOpenForOpinions(meeting),
                permissions.canPost(actor, meeting), items);
    }

    @Operation(summary = "Post an opinion on an agenda item", description = "For members on the roster of the "
            + "meeting's cell, while the meeting is published or in progress.")
    @ApiResponse(responseCode = "201", description = "The posted opinion")
    @ApiResponse(responseCode = "400", description = "The body lacks the text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The caller is not a member of the meeting's cell",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The meeting is a draft, closed or cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The text is empty or longer than 4,000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PostMapping(path = "/api/v1/meetings/{meetingId}/agenda/{itemId}/opinions",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OpinionEntry> post(Actor actor, @PathVariable long meetingId, @PathVariable long itemId,
            @RequestBody OpinionRequest request) {
        permissions.requireAuthorIn(actor, meetings.visibleTo(actor, MeetingId.of(meetingId)));
        String text = required(request.text());

        OpinionId posted = management.post(actor, MeetingId.of(meetingId), itemId, text);

        return ResponseEntity.status(HttpStatus.CREATED).body(entryOf(actor, posted));
    }

    @Operation(summary = "Edit one's own opinion", description = "Only the author, until the meeting closes. "
            + "The earlier text is kept.")
    @ApiResponse(responseCode = "200", description = "The edited opinion")
    @ApiResponse(responseCode = "400", description = "The body lacks the text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The caller did not write the opinion",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The meeting has closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The text is empty or longer than 4,000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PutMapping(path = "/api/v1/opinions/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    OpinionEntry edit(Actor actor, @PathVariable long id, @RequestBody OpinionRequest request) {
        Opinion opinion = opinions.visibleTo(actor, OpinionId.of(id));
        permissions.requireOwn(actor, opinion);
        String text = required(request.text());

        management.edit(actor, opinion.id(), text);

        return entryOf(actor, opinion.id());
    }

    @Operation(summary = "Withdraw one's own opinion", description = "Only the author, until the meeting closes. "
            + "The opinion leaves every list and the minutes; it is kept for the audit.")
    @ApiResponse(responseCode = "204", description = "The opinion is withdrawn")
    @ApiResponse(responseCode = "403", description = "The caller did not write the opinion",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The meeting has closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @DeleteMapping("/api/v1/opinions/{id}")
    ResponseEntity<Void> withdraw(Actor actor, @PathVariable long id) {
        Opinion opinion = opinions.visibleTo(actor, OpinionId.of(id));

        management.withdraw(actor, opinion.id());

        return ResponseEntity.noContent().build();
    }

    private OpinionEntry entryOf(Actor actor, OpinionId id) {
        Opinion opinion = opinions.visibleTo(actor, id);
        return opinions.viewsOf(actor, meetings.get(opinion.meetingId())).stream()
                .filter(view -> view.opinion().id().equals(id))
                .map(OpinionsController::entryOf)
                .findFirst()
                .orElseThrow();
    }

    private static OpinionEntry entryOf(OpinionView view) {
        Opinion opinion = view.opinion();
        return new OpinionEntry(opinion.id().value(), opinion.agendaItemId(), opinion.author().value(),
                view.authorName(), opinion.body(), opinion.postedAt(), opinion.editedAt(), opinion.spoken(), view.own());
    }

    private static String required(@Nullable String text) {
        if (text == null) {
            throw new MissingField("text");
        }
        return text;
    }
}
