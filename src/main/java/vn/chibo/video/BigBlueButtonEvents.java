package vn.chibo.video;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.OnlineSessions;
import vn.chibo.member.MemberId;

/**
 * The endpoint that BigBlueButton's webhooks (the bbb-webhooks package) call with the events of one
 * meeting's room: {@code user-joined}, {@code user-left} and {@code meeting-ended}. It is no page and
 * keeps no session: the server proves each call with the checksum of bbb-webhooks, or with the shared
 * secret as a bearer token. The responses, in the order of the checks: 404 while BigBlueButton is not the
 * provider, 401 for a call without a valid signature, 404 for an unknown meeting or an event of another
 * room, 400 for an unreadable event, and 200 with what each event changed. bbb-webhooks retries a call
 * that gets neither 2xx nor 401, and a retried event changes nothing.
 */
@RestController
class BigBlueButtonEvents {

    private static final Logger log = LoggerFactory.getLogger(BigBlueButtonEvents.class);

    /** The longest connection id kept, the width of {@code online_session.provider_session_id}. */
    static final int MAX_CONNECTION_LENGTH = 100;

    /** The earliest event time accepted; an earlier one is a broken clock or a broken event. */
    static final Instant EARLIEST_EVENT = Instant.parse("2020-01-01T00:00:00Z");

    /** The form fields that bbb-webhooks signs, in the alphabetical order in which it sends them. */
    private static final List<String> SIGNED_FIELDS = List.of("domain", "event", "timestamp");

    private final ObjectProvider<BigBlueButton> server;
    private final Meetings meetings;
    private final OnlineSessions sessions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    BigBlueButtonEvents(ObjectProvider<BigBlueButton> server, Meetings meetings, OnlineSessions sessions, Clock clock) {
        this.server = server;
        this.meetings = meetings;
        this.sessions = sessions;
        this.clock = clock;
    }

    @PostMapping(BigBlueButton.EVENTS_PATH)
    ResponseEntity<?> receive(@PathVariable long meetingId, @RequestParam(required = false) @Nullable String checksum,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        BigBlueButton bbb = server.getIfAvailable();
        if (bbb == null) {
            return problem(HttpStatus.NOT_FOUND, "BigBlueButton is not the configured video provider.");
        }
        MeetingId id = MeetingId.of(meetingId);
        if (!bbb.isSigned(id, signedBody(request), checksum, authorization)) {
            log.warn("Meeting {}: rejected a BigBlueButton callback without a valid checksum", id);
            return problem(HttpStatus.UNAUTHORIZED, "The callback carries no valid checksum of bbb-webhooks for "
                    + "this address and shared secret.");
        }
        Meeting meeting = meetings.find(id).orElse(null);
        if (meeting == null) {
            log.warn("Meeting {}: rejected a signed BigBlueButton callback for a meeting that does not exist", id);
            return problem(HttpStatus.NOT_FOUND, "No meeting has this id.");
        }

        List<BigBlueButtonEvent> events;
        try {
            events = BigBlueButtonEvent.parseAll(json, request.getParameter("event"), request.getParameter("timestamp"),
                    clock.instant().plus(Duration.ofDays(1)));
        }
        catch (IllegalArgumentException | JacksonException unreadable) {
            log.warn("Meeting {}: rejected a BigBlueButton callback with an unreadable event: {}", id,
                    unreadable.getClass().getSimpleName());
            return problem(HttpStatus.BAD_REQUEST, "The field 'event' must hold the JSON of bbb-webhooks events.");
        }
        String room = bbb.roomOf(id);
        if (events.stream().anyMatch(event -> !room.equals(event.room()))) {
            log.warn("Meeting {}: rejected a BigBlueButton callback with an event of another room", id);
            return problem(HttpStatus.NOT_FOUND, "The event belongs to another room than this meeting's.");
        }

        List<String> outcomes = new ArrayList<>();
        for (BigBlueButtonEvent event : events) {
            outcomes.add(apply(meeting, event));
        }
        return ResponseEntity.ok(Map.of("outcomes", outcomes));
    }

    private String apply(Meeting meeting, BigBlueButtonEvent event) {
        return switch (event.kind()) {
            case "user-joined" -> {
                MemberId member = event.member();
                String connection = event.connection();
                if (member == null || connection == null) {
                    log.info("Meeting {}: BigBlueButton reports a participant who did not join through the product",
                            meeting.id());
                    yield "IGNORED";
                }
                yield sessions.recordJoin(meeting.id(), member, connection, event.at(), "bbb").name();
            }
            case "user-left" -> {
                String connection = event.connection();
                yield connection == null ? "IGNORED"
                        : sessions.recordLeave(meeting.id(), connection, event.at(), "bbb").name();
            }
            case "meeting-ended" -> sessions.recordRoomEnded(meeting.id(), event.at(), "bbb").name();
            default -> "IGNORED";
        };
    }

    /** Rebuilds the form body as bbb-webhooks signed it: its fields in order, form-encoded, joined by {@code &}. */
    static String signedBody(HttpServletRequest request) {
        var body = new StringJoiner("&");
        for (String field : SIGNED_FIELDS) {
            String value = request.getParameter(field);
            if (value != null) {
                body.add(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return body.toString();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /**
     * One event of a callback.
     *
     * @param kind the event's id, such as {@code user-joined}
     * @param room the room's name ({@code external-meeting-id})
     * @param member the member id given at the join ({@code external-user-id}), or null when it is not one
     * @param connection the server's id of the participant's connection ({@code internal-user-id}), or null
     * @param at when the event happened, by the server's clock
     */
    record BigBlueButtonEvent(String kind, @Nullable String room, @Nullable MemberId member,
            @Nullable String connection, Instant at) {

        /**
         * Parses the field {@code event}: a JSON array of events, as bbb-webhooks 3 sends, or one event.
         *
         * @param timestamp the callback's {@code timestamp} field, used for an event without its own time
         * @param latest the latest event time accepted, a day past the current time against clock drift
         * @throws IllegalArgumentException when the field is missing, an event lacks its id or time, its time
         *         lies before 2020 or after {@code latest}, or its connection id is too long to keep
         */
        static List<BigBlueButtonEvent> parseAll(JsonMapper json, @Nullable String event, @Nullable String timestamp,
                Instant latest) {
            if (event == null || event.isBlank()) {
                throw new IllegalArgumentException("The field 'event' is missing");
            }
            JsonNode root = json.readTree(event);
            List<BigBlueButtonEvent> events = new ArrayList<>();
            if (root.isArray()) {
                for (JsonNode element : root) {
                    events.add(parse(element, timestamp, latest));
                }
            }
            else {
                events.add(parse(root, timestamp, latest));
            }
            if (events.isEmpty()) {
                throw new IllegalArgumentException("The field 'event' contains no event");
            }
            return events;
        }

        private static BigBlueButtonEvent parse(JsonNode node, @Nullable String timestamp, Instant latest) {
            JsonNode data = node.path("data");
            String kind = data.path("id").asString("");
            if (kind.isEmpty()) {
                throw new IllegalArgumentException("An event has no data.id");
            }
            JsonNode attributes = data.path("attributes");
            String room = text(attributes.path("meeting").path("external-meeting-id"));
            JsonNode user = attributes.path("user");
            String connection = text(user.path("internal-user-id"));
            if (connection != null && connection.length() > MAX_CONNECTION_LENGTH) {
                throw new IllegalArgumentException("An event's internal-user-id is longer than " + MAX_CONNECTION_LENGTH);
            }
            Instant at = time(data.path("event").path("ts"), timestamp);
            if (at.isBefore(EARLIEST_EVENT) || at.isAfter(latest)) {
                throw new IllegalArgumentException("An event's time lies outside 2020 to tomorrow");
            }
            return new BigBlueButtonEvent(kind, room, memberId(text(user.path("external-user-id"))), connection, at);
        }

        private static @Nullable String text(JsonNode node) {
            return node.isString() || node.isNumber() ? node.asString() : null;
        }

        private static @Nullable MemberId memberId(@Nullable String text) {
            if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
                return null;
            }
            return MemberId.of(Long.parseLong(text));
        }

        private static Instant time(JsonNode ts, @Nullable String timestamp) {
            if (ts.isIntegralNumber()) {
                return Instant.ofEpochMilli(ts.asLong());
            }
            if (timestamp != null && timestamp.matches("[0-9]{1,18}")) {
                return Instant.ofEpochMilli(Long.parseLong(timestamp));
            }
            throw new IllegalArgumentException("An event has no time");
        }
    }
}
