package vn.chibo.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.chibo.account.ApiTokens;
import vn.chibo.account.SecondFactorProblems;

/** Issues and revokes the bearer tokens with which the app calls the other endpoints. */
@RestController
class TokenController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The user name (or phone number) and password, as on the sign-in page.
     *
     * @param code the current code of the authenticator app, or an unused recovery code; required for
     *        an account with a second factor
     */
    record TokenRequest(@Nullable String username, @Nullable String password,
            @Schema(description = "The 6-digit code of the authenticator app, or an unused recovery code "
                    + "(such as 7kq4m-x9c2a). Required once the account has a second factor.", example = "492039")
            @Nullable String code) {
    }

    /**
     * @param token the bearer token, to send as {@code Authorization: Bearer <token>}
     * @param expiresAt when the token stops working
     * @param expiresIn the seconds from now until then
     */
    record TokenResponse(String token, String tokenType, Instant expiresAt, long expiresIn) {
    }

    @Operation(summary = "Issue a bearer token", description = "Checks the user name (or phone number) and the "
            + "password under the sign-in page's rules: repeated failures block sign-in for a while (429 with "
            + "Retry-After), and an account whose initial password is unchanged gets 403 until it sets a new "
            + "password on the website. An account with a second factor must also send `code`: without it the "
            + "answer is 401 of type `" + SecondFactorProblems.CODE_REQUIRED + "`, and the client asks the user "
            + "for the code and sends the request again with it. A wrong or used code answers 401 of type `"
            + SecondFactorProblems.CODE_INVALID + "`; repeated wrong codes block codes for a while (429). An "
            + "account whose roles (secretary, deputy secretary, committee officer, administrator) require a "
            + "second factor that it has not set up gets 403 of type `" + SecondFactorProblems.ENROLMENT_REQUIRED
            + "` until it sets one up on the website.")
    @ApiResponse(responseCode = "200", description = "The token and its expiry")
    @ApiResponse(responseCode = "400", description = "The body lacks the user name or the password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "Wrong user name or password (type about:blank); "
            + "a code is required (type " + SecondFactorProblems.CODE_REQUIRED + "); or the code is wrong or "
            + "used already (type " + SecondFactorProblems.CODE_INVALID + ")",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The initial password must be changed first (type "
            + "about:blank), or a second factor must be set up on the website first (type "
            + SecondFactorProblems.ENROLMENT_REQUIRED + ")",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "Sign-in is blocked after repeated failures",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirements
    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse issue(@RequestBody TokenRequest request, HttpServletRequest http) {
        String username = required(request.username(), "username");
        String password = required(request.password(), "password");

        ApiTokens.IssuedToken issued = tokens.issue(username, password, request.code(), http.getRemoteAddr(),
                http.getHeader(HttpHeaders.USER_AGENT));

        long expiresIn = Math.max(0, Duration.between(clock.instant(), issued.expiresAt()).toSeconds());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(), expiresIn);
    }

    @Operation(summary = "Revoke the token of this request", description = "Signs the app out: the token "
            + "stops working at once. Other tokens of the account stay valid; changing the password or "
            + "signing out everywhere on the website revokes them all.")
    @ApiResponse(responseCode = "204", description = "The token is revoked")
    @ApiResponse(responseCode = "401", description = "No bearer token, or one that is invalid, expired or revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirement(name = OpenApiConfiguration.BEARER)
    @DeleteMapping("/api/v1/auth/token")
    ResponseEntity<Void> revoke(
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        // The security chain let the request through, so the header contains a valid bearer token.
        tokens.revoke(authorization.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MissingField(field);
        }
        return value;
    }
}
