package vn.chibo.video;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import vn.chibo.meeting.VideoConference;

/**
 * Tokens for Jitsi Meet's token authentication (Prosody's {@code mod_auth_token}, described in
 * lib-jitsi-meet's doc/tokens.md): a JWT signed with HS256 under the secret shared with the server.
 * {@code iss} is the application id, {@code sub} the server's domain, {@code room} the one room the
 * token opens, and {@code context.user} the participant's id and display name. The chair gets
 * {@code moderator} true, both at the top level (read by token moderation plugins) and in
 * {@code context.user} (read by Jitsi as a Service and newer Prosody modules).
 */
final class JitsiTokens {

    private final String appId;
    private final MACSigner signer;
    private final String audience;
    private final String domain;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param secret at least 32 bytes, because HS256 needs a key of 256 bits or more (RFC 7518, section 3.2)
     * @throws IllegalArgumentException when the secret is shorter
     */
    JitsiTokens(String appId, String secret, String audience, String domain, Duration lifetime, Clock clock) {
        this.appId = appId;
        try {
            this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (JOSEException tooShort) {
            throw new IllegalArgumentException("chibo.video.jitsi.app-secret (CHIBO_VIDEO_JITSI_APP_SECRET) must have "
                    + "at least 32 bytes for HS256", tooShort);
        }
        this.audience = audience;
        this.domain = domain;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Returns the signed token, in compact form, that lets the participant into the room. */
    String issue(String room, VideoConference.Participant participant) {
        Instant now = clock.instant();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", "member-" + participant.member().value());
        user.put("name", participant.displayName());
        user.put("moderator", Boolean.toString(participant.moderator()));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(appId)
                .audience(audience)
                .subject(domain)
                .claim("room", room)
                .claim("moderator", participant.moderator())
                .claim("context", Map.of("user", user))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(30)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();

        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            token.sign(signer);
        }
        catch (JOSEException failure) {
            throw new IllegalStateException("Could not sign a Jitsi token", failure);
        }
        return token.serialize();
    }
}
