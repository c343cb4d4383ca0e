package vn.chibo.video;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.VideoConference;

/**
 * Meetings hosted on a Jitsi Meet server: one room per meeting below the server's address. Jitsi opens
 * a room when its first participant arrives, so there is nothing to create beforehand. With an
 * application id and secret, each join address carries a token that names the room and makes the
 * chair a moderator. Without them, the server must let anyone in, and the display name travels in the
 * address's fragment, which browsers never send to a server.
 */
final class JitsiMeet implements VideoConference {

    private final String baseUrl;
    private final RoomNames rooms;
    private final @Nullable JitsiTokens tokens;

    JitsiMeet(URI url, RoomNames rooms, @Nullable JitsiTokens tokens) {
        this.baseUrl = url.toString().replaceAll("/+$", "");
        this.rooms = rooms;
        this.tokens = tokens;
    }

    /**
     * Builds the provider from the settings, failing with a message that names the wrong setting.
     *
     * @throws IllegalArgumentException when a setting is missing or invalid
     */
    static JitsiMeet from(VideoProperties.Jitsi settings, RoomNames rooms, Clock clock) {
        URI url = settings.url();
        if (url == null || !VideoSettings.isPlainWebAddress(url)) {
            throw new IllegalArgumentException("chibo.video.jitsi.url (CHIBO_VIDEO_JITSI_URL) must be the http or "
                    + "https address of the Jitsi Meet server, such as https://meet.example.vn, but is " + url);
        }
        if (!settings.usesTokens()) {
            if (settings.appSecret() != null && !settings.appSecret().isBlank()) {
                throw new IllegalArgumentException("chibo.video.jitsi.app-secret is set without "
                        + "chibo.video.jitsi.app-id (CHIBO_VIDEO_JITSI_APP_ID): set both, or neither");
            }
            return new JitsiMeet(url, rooms, null);
        }
        String secret = settings.appSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("chibo.video.jitsi.app-id is set without chibo.video.jitsi.app-secret "
                    + "(CHIBO_VIDEO_JITSI_APP_SECRET): set the secret that the Jitsi server shares");
        }
        VideoSettings.requireDuration(settings.tokenLifetime(), "chibo.video.jitsi.token-lifetime");
        var tokens = new JitsiTokens(settings.appId().strip(), secret.strip(), settings.audience(),
                url.getHost().toLowerCase(Locale.ROOT), settings.tokenLifetime(), clock);
        return new JitsiMeet(url, rooms, tokens);
    }

    @Override
    public String provider() {
        return "jitsi";
    }

    @Override
    public Room room(Meeting meeting) {
        return new Room(rooms.of(meeting.id()), meeting.title());
    }

    @Override
    public URI joinAddress(Meeting meeting, Participant participant) {
        return joinAddress(meeting.id(), participant);
    }

    URI joinAddress(MeetingId meeting, Participant participant) {
        String room = rooms.of(meeting);
        if (tokens != null) {
            return URI.create(baseUrl + "/" + room + "?jwt=" + tokens.issue(room, participant));
        }
        String displayName = "\"" + participant.displayName().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return URI.create(baseUrl + "/" + room + "#userInfo.displayName="
                + URLEncoder.encode(displayName, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Override
    public boolean reportsAttendance() {
        return false;
    }
}
