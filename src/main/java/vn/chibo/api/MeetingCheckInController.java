package vn.chibo.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.CheckIns;
import vn.chibo.meeting.MeetingId;

/**
 * Check-in from the mobile app: the app scans the QR code of the room's screen and sends the code it
 * contains, or requests to join online and opens the link it gets back. The same checks as the pages apply,
 * in the same order, through {@link CheckIns}.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "The caller is not on the roster of the meeting's cell",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such meeting, or one the caller may not see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "409", description = "The meeting is not in progress (not started, ended or cancelled), "
        + "or, for joining online, it has no online link",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class MeetingCheckInController {

    private final CheckIns checkIns;

    MeetingCheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    /** @param token the text of the QR code: the {@code code} query parameter of the address it encodes */
    record CheckInRequest(@Schema(description = "The check-in code shown as a QR code on the room's screen",
            example = "59012345.q3Vd0mYw6F0dC4n5oVhLxA") @Nullable String token) {
    }

    /**
     * @param arrivedAt when the caller first arrived; a repeated check-in keeps it
     * @param late whether the arrival is later than the planned start plus the configured grace
     * @param alreadyRecorded true when the caller was already present and nothing changed
     * @param onlineLink the address to open, only when joining online: the caller's own address of the video
     *        conference room, or the meeting's stored link without a video conference server
     */
    record AttendanceResponse(AttendanceStatus status, Instant arrivedAt, boolean late, boolean alreadyRecorded,
            @Nullable String onlineLink) {

        static AttendanceResponse of(CheckIns.Arrival arrival) {
            return new AttendanceResponse(arrival.status(), arrival.arrivedAt(), arrival.late(), !arrival.changed(),
                    arrival.onlineLink());
        }
    }

    @Operation(summary = "Check in to a meeting in the room", description = "Marks the caller present in person "
            + "with the token of the QR code on the room's screen. The token changes every 30 seconds by default "
            + "and is accepted during its own period and the next one. A member is present at most once: "
            + "repeating the request keeps the first arrival time, and a member who had joined online becomes "
            + "present in person.")
    @ApiResponse(responseCode = "200", description = "The caller's attendance after the check-in")
    @ApiResponse(responseCode = "422", description = "The token is missing, expired, or not valid for this meeting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PostMapping("/api/v1/meetings/{meetingId}/check-in")
    AttendanceResponse checkIn(Actor actor, @PathVariable long meetingId,
            @RequestBody(required = false) @Nullable CheckInRequest request) {
        String token = request == null ? null : request.token();

        return AttendanceResponse.of(checkIns.checkIn(actor, MeetingId.of(meetingId), token));
    }

    @Operation(summary = "Join a meeting online", description = "Marks the caller present online and returns the "
            + "address for the app to open: the meeting's own room on the configured video conference server "
            + "(Jitsi Meet or BigBlueButton), made for the caller only, or else the meeting's stored online link. "
            + "Only for online and hybrid meetings in progress. A caller already present in the room stays present "
            + "in the room.")
    @ApiResponse(responseCode = "200", description = "The caller's attendance and the address to open")
    @ApiResponse(responseCode = "503", description = "The video conference server did not respond or could not "
            + "open the meeting's room; nothing was recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PostMapping("/api/v1/meetings/{meetingId}/join-online")
    AttendanceResponse joinOnline(Actor actor, @PathVariable long meetingId) {
        return AttendanceResponse.of(checkIns.joinOnline(actor, MeetingId.of(meetingId)));
    }
}
