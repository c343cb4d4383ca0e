package vn.chibo.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.meeting.MeetingId;
import vn.chibo.minutes.Minutes;
import vn.chibo.minutes.MinutesBook;
import vn.chibo.minutes.MinutesExport;
import vn.chibo.minutes.MinutesExport.ExportFormat;
import vn.chibo.minutes.MinutesStatus;
import vn.chibo.minutes.Resolution;
import vn.chibo.minutes.ResolutionStatus;
import vn.chibo.minutes.Resolutions;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.NotFoundException;

/**
 * The minutes and resolutions of meetings, for those who may see the meeting, with the checks of the
 * minutes pages: every member reads approved minutes and issued resolutions, while drafts (a first
 * draft or a correction in progress) are listed only to the chair, the minute taker and whoever runs
 * the cell. The PDF of the minutes is their current version, the latest approved one.
 */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "No such meeting or cell, one the caller may not see, or no "
        + "document the caller may read yet",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class MinutesApiController {

    private final MinutesBook book;
    private final Resolutions resolutions;
    private final MinutesExport export;

    MinutesApiController(MinutesBook book, Resolutions resolutions, MinutesExport export) {
        this.book = book;
        this.resolutions = resolutions;
        this.export = export;
    }

    /**
     * @param currentVersionNo the latest approved version, or null while none is approved
     * @param pdf the path of the current version's PDF, or null while none is approved
     * @param resolution the meeting's resolution, or null if there is none the caller may read
     */
    record MinutesSummary(long meetingId, @Nullable Integer currentVersionNo, @Nullable String pdf,
            List<VersionEntry> versions, @Nullable ResolutionEntry resolution) {
    }

    /**
     * @param correctionReason why the version was started, or null for the first version
     * @param chairApprovedAt null while the chair has not approved this version
     * @param minuteTakerApprovedAt null while the minute taker has not approved this version
     */
    record VersionEntry(int versionNo, MinutesStatus status, Instant draftedAt, @Nullable String correctionReason,
            @Nullable String chairName, @Nullable Instant chairApprovedAt, @Nullable String minuteTakerName,
            @Nullable Instant minuteTakerApprovedAt, String pdf) {
    }

    /**
     * @param number the printed number such as "03-NQ/CB", or null while a draft
     * @param issuedAt null while a draft
     */
    record ResolutionEntry(long meetingId, ResolutionStatus status, @Nullable String number,
            @Nullable Integer issueYear, @Nullable Instant issuedAt, String title, String pdf) {
    }

    @Operation(summary = "The minutes of a meeting", description = "Its versions that the caller may read, the "
            + "current (latest approved) version and the resolution, with the paths of their PDFs.")
    @ApiResponse(responseCode = "200", description = "The versions; empty while the minutes are not drafted, or "
            + "not approved for a caller who may not read drafts")
    @GetMapping("/api/v1/meetings/{meetingId}/minutes")
    MinutesSummary minutes(Actor actor, @PathVariable long meetingId) {
        MeetingId meeting = MeetingId.of(meetingId);
        List<Minutes> versions = book.versions(actor, meeting);

        Integer current = versions.stream()
                .filter(Minutes::isApproved)
                .map(Minutes::versionNo)
                .reduce((first, second) -> second)
                .orElse(null);
        List<VersionEntry> entries = versions.stream()
                .map(minutes -> new VersionEntry(minutes.versionNo(), minutes.status(), minutes.draftedAt(),
                        minutes.correction() == null ? null : minutes.correction().reason(), minutes.chairName(),
                        minutes.chairApprovedAt(), minutes.minuteTakerName(), minutes.takerApprovedAt(),
                        versionPath(meetingId, minutes.versionNo())))
                .toList();
        ResolutionEntry resolution = resolutions.visibleTo(actor, meeting).map(MinutesApiController::entryOf)
                .orElse(null);
        return new MinutesSummary(meetingId, current,
                current == null ? null : "/api/v1/meetings/" + meetingId + "/minutes.pdf", entries, resolution);
    }

    @Operation(summary = "The current minutes of a meeting as PDF", description = "The latest approved version "
            + "in the official form. While no version is approved the answer is 404.")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @GetMapping(path = "/api/v1/meetings/{meetingId}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> currentPdf(Actor actor, @PathVariable long meetingId) {
        Minutes minutes = book.approvedVisibleTo(actor, MeetingId.of(meetingId))
                .orElseThrow(NotFoundException::hidden);

        byte[] content = export.download(actor, minutes, ExportFormat.PDF);
        return pdf(content, "bien-ban-" + meetingId + "-lan-" + minutes.versionNo() + ".pdf");
    }

    @Operation(summary = "One version of the minutes of a meeting as PDF", description = "A draft version only "
            + "for the chair, the minute taker and whoever runs the cell.")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @GetMapping(path = "/api/v1/meetings/{meetingId}/minutes/versions/{versionNo}.pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> versionPdf(Actor actor, @PathVariable long meetingId, @PathVariable int versionNo) {
        Minutes minutes = book.version(actor, MeetingId.of(meetingId), versionNo);

        byte[] content = export.download(actor, minutes, ExportFormat.PDF);
        return pdf(content, "bien-ban-" + meetingId + "-lan-" + versionNo + ".pdf");
    }

    @Operation(summary = "The resolution of a meeting as PDF", description = "Issued resolutions for everyone "
            + "who may see the meeting; a draft only for the chair, the minute taker and whoever runs the cell.")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @GetMapping(path = "/api/v1/meetings/{meetingId}/resolution.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> resolutionPdf(Actor actor, @PathVariable long meetingId) {
        Resolution resolution = resolutions.visibleTo(actor, MeetingId.of(meetingId))
                .orElseThrow(NotFoundException::hidden);

        byte[] content = export.download(actor, resolution, ExportFormat.PDF);
        return pdf(content, "nghi-quyet-" + meetingId + ".pdf");
    }

    @Operation(summary = "The issued resolutions of a cell", description = "The latest first.")
    @ApiResponse(responseCode = "200", description = "The resolutions")
    @GetMapping("/api/v1/cells/{cellId}/resolutions")
    List<ResolutionEntry> ofCell(Actor actor, @PathVariable long cellId) {
        return resolutions.issuedOf(actor, OrganizationId.of(cellId)).stream()
                .map(MinutesApiController::entryOf)
                .toList();
    }

    private static ResolutionEntry entryOf(Resolution resolution) {
        return new ResolutionEntry(resolution.meetingId().value(), resolution.status(), resolution.numberText(),
                resolution.issueYear(), resolution.issuedAt(), resolution.title(),
                "/api/v1/meetings/" + resolution.meetingId().value() + "/resolution.pdf");
    }

    private static String versionPath(long meetingId, int versionNo) {
        return "/api/v1/meetings/" + meetingId + "/minutes/versions/" + versionNo + ".pdf";
    }

    private static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }
}
