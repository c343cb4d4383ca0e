package vn.chibo.video;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.VideoConference;
import vn.chibo.member.MemberId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens of Jitsi Meet's token authentication, checked against the example token of lib-jitsi-meet's
 * doc/tokens.md ("Example Token"): {@code iss} "my_client", {@code aud} "jitsi", {@code sub}
 * "meet.jit.si" and {@code context.user.name} "John Doe". That example is signed with RS256; the product
 * signs with HS256 and the shared secret, the other method that page describes, and the test verifies each
 * token with nimbus-jose-jwt's {@link MACVerifier}.
 */
class JitsiTokensTests {

    static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-for-hs256";
    static final Instant NOW = Instant.parse("2026-12-20T12:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final JitsiTokens tokens = new JitsiTokens("my_client", SECRET, "jitsi", "meet.jit.si", Duration.ofMinutes(5),
            CLOCK);

    @Test
    void tokenHasDocumentedClaims() throws Exception {
        SignedJWT token = SignedJWT.parse(tokens.issue("chibo-room",
                new VideoConference.Participant(MemberId.of(17), "John Doe", false)));
        JWTClaimsSet claims = token.getJWTClaimsSet();

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(token.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(claims.getIssuer()).isEqualTo("my_client");
        assertThat(claims.getAudience()).containsExactly("jitsi");
        assertThat(claims.getSubject()).isEqualTo("meet.jit.si");
        assertThat(claims.getStringClaim("room")).isEqualTo("chibo-room");
        assertThat(claims.getJSONObjectClaim("context")).isEqualTo(Map.of("user",
                Map.of("id", "member-17", "name", "John Doe", "moderator", "false")));
        assertThat(claims.getBooleanClaim("moderator")).isFalse();
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void chairIsModerator() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.issue("chibo-room",
                new VideoConference.Participant(MemberId.of(3), "Nguyễn Văn Thắng", true))).getJWTClaimsSet();

        assertThat(claims.getBooleanClaim("moderator")).isTrue();
        assertThat(claims.getJSONObjectClaim("context")).isEqualTo(Map.of("user",
                Map.of("id", "member-3", "name", "Nguyễn Văn Thắng", "moderator", "true")));
    }

    @Test
    void otherSecretFailsVerification() throws Exception {
        SignedJWT token = SignedJWT.parse(tokens.issue("chibo-room",
                new VideoConference.Participant(MemberId.of(17), "John Doe", false)));

        assertThat(token.verify(new MACVerifier("another-secret-of-at-least-thirty-two-bytes".getBytes(
                StandardCharsets.UTF_8)))).isFalse();
    }

    @Test
    void shortSecretIsRejected() {
        assertThatThrownBy(() -> new JitsiTokens("my_client", "too-short", "jitsi", "meet.jit.si",
                Duration.ofMinutes(5), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chibo.video.jitsi.app-secret")
                .hasMessageContaining("32 bytes");
    }

    /** The address form of the "Jitsi-meet options" section of doc/tokens.md: the room, then {@code ?jwt=}. */
    @Test
    void joinAddressCarriesToken() throws Exception {
        var settings = new VideoProperties.Jitsi(URI.create("https://meet.example.vn/"), "my_client", SECRET, "jitsi",
                Duration.ofMinutes(5));
        var rooms = new RoomNames("a-room-key-of-thirty-two-characters!".getBytes(StandardCharsets.UTF_8));
        JitsiMeet jitsi = JitsiMeet.from(settings, rooms, CLOCK);

        URI address = jitsi.joinAddress(MeetingId.of(5), new VideoConference.Participant(MemberId.of(17), "Phạm Thị Ánh",
                true));

        String room = rooms.of(MeetingId.of(5));
        assertThat(address.toString()).startsWith("https://meet.example.vn/" + room + "?jwt=");
        SignedJWT token = SignedJWT.parse(address.getQuery().substring("jwt=".length()));
        assertThat(token.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(token.getJWTClaimsSet().getStringClaim("room")).isEqualTo(room);
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("meet.example.vn");
    }

    @Test
    void joinAddressWithoutTokensNamesParticipantInFragment() {
        var settings = new VideoProperties.Jitsi(URI.create("https://meet.example.vn"), null, null, "jitsi",
                Duration.ofMinutes(5));
        var rooms = new RoomNames("a-room-key-of-thirty-two-characters!".getBytes(StandardCharsets.UTF_8));

        URI address = JitsiMeet.from(settings, rooms, CLOCK).joinAddress(MeetingId.of(5),
                new VideoConference.Participant(MemberId.of(17), "Phạm Thị Ánh", false));

        assertThat(address.getRawQuery()).isNull();
        assertThat(address.getPath()).isEqualTo("/" + rooms.of(MeetingId.of(5)));
        assertThat(address.getFragment()).isEqualTo("userInfo.displayName=\"Phạm Thị Ánh\"");
    }
}
