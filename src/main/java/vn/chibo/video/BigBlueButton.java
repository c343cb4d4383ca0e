package vn.chibo.video;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.VideoConference;
import vn.chibo.meeting.VideoConferenceUnavailable;

/**
 * Meetings hosted on a BigBlueButton server. Joining calls {@code create} first, which the API defines
 * as idempotent: the first call opens the room and later ones return it. It then registers a
 * bbb-webhooks hook for the room, so that the server reports joins, leaves and the room's end to
 * {@code /video/bbb/meetings/{id}/events}, and returns a signed {@code join} address with the member's
 * name, member id and role (moderator for the chair).
 */
final class BigBlueButton implements VideoConference {

    static final String EVENTS_PATH = "/video/bbb/meetings/{meetingId}/events";

    /** The bbb-webhooks events that the hook subscribes to. */
    static final String HOOK_EVENTS = "user-joined,user-left,meeting-ended";

    private static final Logger log = LoggerFactory.getLogger(BigBlueButton.class);

    private final BigBlueButtonApi api;
    private final RoomNames rooms;
    private final String publicUrl;
    private final String secret;
    private final Set<ChecksumAlgorithm> acceptedCallbackChecksums;
    private final boolean webhooks;

    BigBlueButton(BigBlueButtonApi api, RoomNames rooms, URI publicUrl, String secret, ChecksumAlgorithm algorithm,
            boolean webhooks) {
        this.api = api;
        this.rooms = rooms;
        this.publicUrl = publicUrl.toString().replaceAll("/+$", "");
        this.secret = secret;
        this.acceptedCallbackChecksums = EnumSet.of(algorithm, ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA384,
                ChecksumAlgorithm.SHA512);
        this.webhooks = webhooks;
    }

    /**
     * Builds the provider from the settings, failing with a message that names the wrong setting.
     *
     * @param publicUrl the product's own address ({@code chibo.public-url}), under which the server calls back
     * @throws IllegalArgumentException when a setting is missing or invalid
     */
    static BigBlueButton from(VideoProperties.BigBlueButton settings, @Nullable URI publicUrl, RoomNames rooms) {
        URI apiUrl = settings.apiUrl();
        if (apiUrl == null || !VideoSettings.isPlainWebAddress(apiUrl)) {
            throw new IllegalArgumentException("chibo.video.bbb.api-url (CHIBO_VIDEO_BBB_API_URL) must be the http or "
                    + "https address of the server's API, such as https://bbb.example.vn/bigbluebutton/api, but is "
                    + apiUrl);
        }
        String secret = settings.secret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("chibo.video.bbb.secret (CHIBO_VIDEO_BBB_SECRET) is missing: set the "
                    + "shared secret that 'bbb-conf --secret' prints on the BigBlueButton server");
        }
        if (publicUrl == null) {
            throw new IllegalArgumentException("chibo.public-url (CHIBO_PUBLIC_URL) is missing: BigBlueButton needs "
                    + "the product's public address to report joins and leaves and to send members back");
        }
        VideoSettings.requireDuration(settings.timeout(), "chibo.video.bbb.timeout");
        var api = new BigBlueButtonApi(apiUrl, secret.strip(), settings.checksumAlgorithm(), settings.timeout());
        return new BigBlueButton(api, rooms, publicUrl, secret.strip(), settings.checksumAlgorithm(),
                settings.webhooks());
    }

    @Override
    public String provider() {
        return "bbb";
    }

    @Override
    public Room room(Meeting meeting) {
        return new Room(rooms.of(meeting.id()), meeting.title());
    }

    @Override
    public URI joinAddress(Meeting meeting, Participant participant) {
        Room room = room(meeting);
        create(meeting, room);
        if (webhooks) {
            registerHook(meeting.id(), room);
        }

        Map<String, String> join = new LinkedHashMap<>();
        join.put("fullName", participant.displayName());
        join.put("meetingID", room.name());
        join.put("role", participant.moderator() ? "MODERATOR" : "VIEWER");
        join.put("userID", Long.toString(participant.member().value()));
        join.put("redirect", "true");
        return api.url("join", join);
    }

    @Override
    public boolean reportsAttendance() {
        return webhooks;
    }

    /** Returns the address the server calls with the meeting's events, as registered with the hook. */
    String callbackUrl(MeetingId meeting) {
        return publicUrl + EVENTS_PATH.replace("{meetingId}", Long.toString(meeting.value()));
    }

    /** Returns the name of the meeting's room, which the server's events carry as {@code external-meeting-id}. */
    String roomOf(MeetingId meeting) {
        return rooms.of(meeting);
    }

    /**
     * Returns whether a callback for the meeting was sent by the server: either the bbb-webhooks
     * checksum, the hash of the registered callback address, the form body and the shared secret,
     * matches; or the request carries the shared secret as a bearer token (bbb-webhooks' {@code auth2_0}).
     * The hash is chosen by the checksum's length and must be the configured one or a SHA-2 hash.
     *
     * @param body the form body as bbb-webhooks sends it: its fields in alphabetical order, form-encoded
     */
    boolean isSigned(MeetingId meeting, String body, @Nullable String checksum, @Nullable String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return constantTimeEquals(authorization.substring("Bearer ".length()).strip(), secret);
        }
        if (checksum == null) {
            return false;
        }
        ChecksumAlgorithm algorithm = switch (checksum.length()) {
            case 40 -> ChecksumAlgorithm.SHA1;
            case 64 -> ChecksumAlgorithm.SHA256;
            case 96 -> ChecksumAlgorithm.SHA384;
            case 128 -> ChecksumAlgorithm.SHA512;
            default -> null;
        };
        if (algorithm == null || !acceptedCallbackChecksums.contains(algorithm)) {
            return false;
        }
        String expected = algorithm.hex(callbackUrl(meeting) + body + secret);
        return constantTimeEquals(checksum.toLowerCase(Locale.ROOT), expected);
    }

    private void create(Meeting meeting, Room room) {
        Map<String, String> create = new LinkedHashMap<>();
        create.put("name", room.title());
        create.put("meetingID", room.name());
        create.put("record", "false");
        create.put("logoutURL", publicUrl + "/meetings/" + meeting.id().value());
        BigBlueButtonApi.Response response;
        try {
            response = api.call("create", create);
        }
        catch (BigBlueButtonApi.CallFailed failure) {
            log.warn("Meeting {}: BigBlueButton could not be reached to create the room: {}", meeting.id(),
                    failure.getMessage());
            throw new VideoConferenceUnavailable();
        }
        if (!response.succeeded()) {
            log.warn("Meeting {}: BigBlueButton rejected the creation of the room ({})", meeting.id(), response.messageKey());
            throw new VideoConferenceUnavailable();
        }
        log.info("Meeting {}: BigBlueButton room ready (internal id {})", meeting.id(),
                response.fields().getOrDefault("internalMeetingID", "unknown"));
    }

    /**
     * Registers the hook of the meeting's room. A failure is logged and the join goes on, because
     * joining through the product has already marked the member present.
     */
    private void registerHook(MeetingId meeting, Room room) {
        Map<String, String> hook = new LinkedHashMap<>();
        hook.put("callbackURL", callbackUrl(meeting));
        hook.put("meetingID", room.name());
        hook.put("eventID", HOOK_EVENTS);
        try {
            BigBlueButtonApi.Response response = api.call("hooks/create", hook);
            if (!response.succeeded()) {
                log.warn("Meeting {}: BigBlueButton rejected the webhook ({}); joins and leaves will not be reported",
                        meeting, response.messageKey());
            }
        }
        catch (BigBlueButtonApi.CallFailed failure) {
            log.warn("Meeting {}: the webhook could not be registered ({}); joins and leaves will not be reported",
                    meeting, failure.getMessage());
        }
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
