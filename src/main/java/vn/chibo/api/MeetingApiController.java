package vn.chibo.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.account.Grant;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.MeetingResponses;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.organization.Organization;
import vn.chibo.organization.OrganizationId;
import vn.chibo.organization.Organizations;
import vn.chibo.system.Formats;

/**
 * The caller's meetings and the detail of one meeting, with the same checks as the meeting pages:
 * a meeting of a cell the caller may not see, or a draft the caller may not manage, returns 404.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class MeetingApiController {

    /** How far back the list reaches when {@code from} is not given. */
    static final int DEFAULT_DAYS_BACK = 30;

    /** How far ahead the list reaches when {@code to} is not given. */
    static final int DEFAULT_DAYS_AHEAD = 90;

    /** The maximum length of the window in days, both ends included. */
    static final int MAX_DAYS = 366;

    private final Meetings meetings;
    private final MeetingPermissions permissions;
    private final MeetingResponses responses;
    private final MeetingDetailViews details;
    private final Organizations organizations;
    private final Formats formats;
    private final Clock clock;

    MeetingApiController(Meetings meetings, MeetingPermissions permissions, MeetingResponses responses,
            MeetingDetailViews details, Organizations organizations, Formats formats, Clock clock) {
        this.meetings = meetings;
        this.permissions = permissions;
        this.responses = responses;
        this.details = details;
        this.organizations = organizations;
        this.formats = formats;
        this.clock = clock;
    }

    @Operation(summary = "The caller's meetings", description = "The meetings of every cell in which the caller "
            + "holds a role, that members were told of: published, in progress, closed, minutes approved, or "
            + "cancelled after being published. Drafts are left out. A meeting is in the window when its planned "
            + "start falls on a day from `from` to `to`, both included, in the zone Asia/Ho_Chi_Minh. Without "
            + "`from` the window starts " + DEFAULT_DAYS_BACK + " days before today; without `to` it ends "
            + DEFAULT_DAYS_AHEAD + " days after today. A window longer than " + MAX_DAYS + " days, or one that ends before it starts, answers 400. "
            + "Sorted by planned start.")
    @ApiResponse(responseCode = "200", description = "The meetings, the earliest first")
    @ApiResponse(responseCode = "400", description = "A date that is not YYYY-MM-DD, `to` before `from`, or a window "
            + "longer than " + MAX_DAYS + " days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/v1/me/meetings")
    MeetingList myMeetings(Actor actor,
            @Parameter(description = "The first day, YYYY-MM-DD; by default " + DEFAULT_DAYS_BACK
                    + " days before today", example = "2026-12-01")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "The last day, YYYY-MM-DD, included; by default " + DEFAULT_DAYS_AHEAD
                    + " days after today", example = "2026-12-31")
            @RequestParam(required = false) @Nullable String to) {
        LocalDate today = LocalDate.now(clock.withZone(formats.zone()));
        LocalDate first = from == null ? today.minusDays(DEFAULT_DAYS_BACK) : parse("from", from);
        LocalDate last = to == null ? today.plusDays(DEFAULT_DAYS_AHEAD) : parse("to", to);
        requireWindow(first, last);

        List<OrganizationId> cells = actor.grants().stream()
                .map(Grant::organizationId)
                .distinct()
                .filter(id -> organizations.find(id).filter(Organization::isCell).isPresent())
                .toList();
        Instant start = first.atStartOfDay(formats.zone()).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(formats.zone()).toInstant();
        List<MeetingDetailViews.MeetingSummary> found = meetings.announcedBetween(actor, cells, start, end).stream()
                .map(details::summaryOf)
                .toList();
        return new MeetingList(first, last, found);
    }

    @Operation(summary = "A meeting's detail", description = "Times are ISO-8601 with the offset of "
            + "Asia/Ho_Chi_Minh (+07:00). The shape is stable: later endpoints under /api/v1/meetings/{id}/ "
            + "refer to its ids (agenda items, documents). A meeting of a cell the caller may not see, and a "
            + "draft the caller does not manage, answer 404 as if they did not exist.")
    @ApiResponse(responseCode = "200", description = "The meeting")
    @ApiResponse(responseCode = "404", description = "No such meeting, or one the caller may not see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/v1/meetings/{meetingId}")
    MeetingDetailViews.MeetingDetail meeting(Actor actor, @PathVariable long meetingId) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        Optional<Member> me = permissions.memberOf(actor, meeting);
        return details.detailOf(meeting,
                me.flatMap(member -> responses.of(meeting.id(), member.id())).orElse(null),
                me.flatMap(member -> meetings.markOf(meeting.id(), member.id())).orElse(null));
    }

    /**
     * @param from the first day of the window, as used
     * @param to the last day of the window, included, as used
     */
    record MeetingList(LocalDate from, LocalDate to, List<MeetingDetailViews.MeetingSummary> meetings) {
    }

    private static LocalDate parse(String parameter, String value) {
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException invalid) {
            throw new InvalidDateRange("meeting.api.error.dateInvalid", parameter, value);
        }
    }

    private static void requireWindow(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new InvalidDateRange("meeting.api.error.rangeInverted", first.toString(), last.toString());
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidDateRange("meeting.api.error.rangeTooLong", MAX_DAYS);
        }
    }
}
