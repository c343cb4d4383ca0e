package vn.chibo.video;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.chibo.meeting.MeetingId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of the providers' settings at start, and the room names they share. */
class VideoSettingsTests {

    final RoomNames rooms = new RoomNames("a-room-key-of-thirty-two-characters!".getBytes(StandardCharsets.UTF_8));

    @Test
    void jitsiWithoutUrlFails() {
        var settings = new VideoProperties.Jitsi(null, null, null, "jitsi", Duration.ofMinutes(5));

        assertThatThrownBy(() -> JitsiMeet.from(settings, rooms, Clock.systemUTC()))
                .hasMessageContaining("chibo.video.jitsi.url (CHIBO_VIDEO_JITSI_URL)");
    }

    @Test
    void jitsiUrlWithQueryFails() {
        var settings = new VideoProperties.Jitsi(URI.create("https://meet.example.vn/?a=b"), null, null, "jitsi",
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> JitsiMeet.from(settings, rooms, Clock.systemUTC()))
                .hasMessageContaining("chibo.video.jitsi.url");
    }

    @Test
    void jitsiAppIdWithoutSecretFails() {
        var settings = new VideoProperties.Jitsi(URI.create("https://meet.example.vn"), "chibo", " ", "jitsi",
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> JitsiMeet.from(settings, rooms, Clock.systemUTC()))
                .hasMessageContaining("chibo.video.jitsi.app-secret (CHIBO_VIDEO_JITSI_APP_SECRET)");
    }

    @Test
    void jitsiSecretWithoutAppIdFails() {
        var settings = new VideoProperties.Jitsi(URI.create("https://meet.example.vn"), null,
                "a-secret-of-at-least-thirty-two-bytes-for-hs256", "jitsi", Duration.ofMinutes(5));

        assertThatThrownBy(() -> JitsiMeet.from(settings, rooms, Clock.systemUTC()))
                .hasMessageContaining("chibo.video.jitsi.app-id");
    }

    @Test
    void jitsiTokenLifetimeOverADayFails() {
        var settings = new VideoProperties.Jitsi(URI.create("https://meet.example.vn"), "chibo",
                "a-secret-of-at-least-thirty-two-bytes-for-hs256", "jitsi", Duration.ofDays(2));

        assertThatThrownBy(() -> JitsiMeet.from(settings, rooms, Clock.systemUTC()))
                .hasMessageContaining("chibo.video.jitsi.token-lifetime");
    }

    @Test
    void bbbWithoutSecretFails() {
        var settings = new VideoProperties.BigBlueButton(URI.create("https://bbb.example.vn/bigbluebutton/api"), "",
                ChecksumAlgorithm.SHA256, Duration.ofSeconds(10), true);

        assertThatThrownBy(() -> BigBlueButton.from(settings, URI.create("https://chibo.example.vn"), rooms))
                .hasMessageContaining("chibo.video.bbb.secret (CHIBO_VIDEO_BBB_SECRET)");
    }

    @Test
    void bbbWithoutApiUrlFails() {
        var settings = new VideoProperties.BigBlueButton(null, "secret", ChecksumAlgorithm.SHA256,
                Duration.ofSeconds(10), true);

        assertThatThrownBy(() -> BigBlueButton.from(settings, URI.create("https://chibo.example.vn"), rooms))
                .hasMessageContaining("chibo.video.bbb.api-url (CHIBO_VIDEO_BBB_API_URL)");
    }

    @Test
    void bbbWithoutPublicUrlFails() {
        var settings = new VideoProperties.BigBlueButton(URI.create("https://bbb.example.vn/bigbluebutton/api"),
                "secret", ChecksumAlgorithm.SHA256, Duration.ofSeconds(10), true);

        assertThatThrownBy(() -> BigBlueButton.from(settings, null, rooms))
                .hasMessageContaining("chibo.public-url (CHIBO_PUBLIC_URL)");
    }

    @Test
    void roomNameIsKeyedAndStable() {
        String name = rooms.of(MeetingId.of(5));

        assertThat(name).matches("chibo-[0-9a-f]{32}");
        assertThat(rooms.of(MeetingId.of(5))).isEqualTo(name);
        assertThat(rooms.of(MeetingId.of(6))).isNotEqualTo(name);
        assertThat(new RoomNames("another-room-key-of-thirty-two-chars".getBytes(StandardCharsets.UTF_8))
                .of(MeetingId.of(5))).isNotEqualTo(name);
    }
}
