package vn.chibo.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingResponse;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.ReasonDecision;
import vn.chibo.meeting.ResponseAnswer;

/**
 * A member's RSVP to a meeting, with the rules of the meeting page. Only members on the roster of the
 * meeting's cell respond, only while the meeting is announced, and a new response replaces the earlier
 * one and the decision on its reason.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class MeetingResponseApiController {

    private final Meetings meetings;
    private final MeetingResponses responses;
    private final MeetingPermissions permissions;

    MeetingResponseApiController(Meetings meetings, MeetingResponses responses, MeetingPermissions permissions) {
        this.meetings = meetings;
        this.responses = responses;
        this.permissions = permissions;
    }

    /**
     * @param answer in person, online, or absent
     * @param reason why the member stays away; kept only with ABSENT, and then waits for the secretary
     */
    record ResponseRequest(@Nullable ResponseAnswer answer, @Nullable String reason) {
    }

    /**
     * @param reason the reason kept with an absence, or null
     * @param decision the secretary's decision on the reason (PENDING, APPROVED, REJECTED), or null without one
     */
    record ResponseView(long meetingId, ResponseAnswer answer, @Nullable String reason,
            @Nullable ReasonDecision decision, Instant answeredAt) {
    }

    @Operation(summary = "Reply to a meeting", description = "Records whether the signed-in member comes in "
            + "person, online, or stays away (with an optional reason for the secretary to approve or reject). "
            + "Sending the same answer again changes nothing; a different one replaces the earlier answer and "
            + "takes back the decision on its reason.")
    @ApiResponse(responseCode = "200", description = "The reply as recorded")
    @ApiResponse(responseCode = "400", description = "The answer is missing or not one of the known values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The caller sees the meeting but is not on its cell's roster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such meeting, or one the caller may not see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The meeting is not announced, or no longer accepts replies",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "The reason is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PutMapping("/api/v1/meetings/{meetingId}/response")
    ResponseView answer(Actor actor, @PathVariable long meetingId,
            @RequestBody(required = false) @Nullable ResponseRequest request) {
        MeetingId id = MeetingId.of(meetingId);
        permissions.requireAnswer(actor, meetings.visibleTo(actor, id));

        if (request == null || request.answer() == null) {
            throw new MissingField("answer");
        }

        MeetingResponse response = responses.answer(actor, id, request.answer(), request.reason());
        return new ResponseView(meetingId, response.answer(), response.reason(), response.decision(),
                response.answeredAt());
    }
}
