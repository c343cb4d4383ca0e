package vn.chibo.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.Actor;
import vn.chibo.member.MemberId;
import vn.chibo.privacy.PersonalDataExport;
import vn.chibo.privacy.ProfileAccessList;

/** A member's own data export and the list of who read a member's profile. */
@ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RestController
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class PersonalDataApiController {

    private final PersonalDataExport export;
    private final ProfileAccessList accessList;

    PersonalDataApiController(PersonalDataExport export, ProfileAccessList accessList) {
        this.export = export;
        this.accessList = accessList;
    }

    /**
     * @param readerName the reader's display name, empty when the account no longer exists
     * @param kind PROFILE, ROSTER_WITH_CONTACTS or ROSTER_EXPORT
     */
    record AccessEntry(Instant at, long readerAccountId, String readerName, ProfileAccessList.AccessKind kind) {
    }

    @Operation(summary = "Download my data", description = "A ZIP file with the caller's own data as JSON "
            + "(du-lieu-ca-nhan.json) and as an HTML page (du-lieu-ca-nhan.html): profile, status history, roles, "
            + "account, sessions, passkey names, sign-in history, answers, attendance, opinions, ballots in open "
            + "votes, notifications and who read the profile. For an account of no member (an officer or an "
            + "administrator): the account, roles, sessions, passkey names, sign-in history, notifications and the "
            + "audit entries about the account. Each export is audited; a few are allowed per day.")
    @ApiResponse(responseCode = "200", description = "The ZIP file",
            content = @Content(mediaType = "application/zip"))
    @ApiResponse(responseCode = "429", description = "Too many exports within the window; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PostMapping("/api/v1/me/data-export")
    ResponseEntity<byte[]> export(Actor actor, Locale locale) {
        PersonalDataExport.ExportedData data = export.export(actor, locale);

        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(data.fileName())
                        .build().toString())
                .body(data.zip());
    }

    @Operation(summary = "Who read a member's profile", description = "Views of the profile by others, and views "
            + "and exports of the member's cell roster with contact details, newest first. For the member and "
            + "those who may see the full profile.")
    @ApiResponse(responseCode = "200", description = "The reads, newest first")
    @ApiResponse(responseCode = "403", description = "The caller may see the roster but not this profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such member, or one the caller may not see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @GetMapping("/api/v1/members/{memberId}/access")
    List<AccessEntry> access(Actor actor, @PathVariable long memberId) {
        return accessList.of(actor, MemberId.of(memberId)).entries().stream()
                .map(entry -> new AccessEntry(entry.at(), entry.readerAccountId(), entry.readerName(), entry.kind()))
                .toList();
    }
}
