package vn.chibo.video;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.CheckIns;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingDetailsProblem;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.OnlineSessions;
import vn.chibo.meeting.OnlineTime;
import vn.chibo.meeting.RollMark;
import vn.chibo.meeting.VideoConferenceUnavailable;
import vn.chibo.member.Member;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Joining a meeting hosted on BigBlueButton, against {@link FakeBigBlueButton} on 127.0.0.1, and the
 * webhook callbacks that report joins and leaves, signed as bbb-webhooks signs them.
 */
@SqlTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class BigBlueButtonTests {

    static final String SECRET = "shared-secret-of-the-fake-bigbluebutton";
    static final String PUBLIC_URL = "https://chibo.example.vn";
    static final FakeBigBlueButton SERVER = FakeBigBlueButton.start(SECRET);

    @DynamicPropertySource
    static void bigBlueButton(DynamicPropertyRegistry registry) {
        registry.add("chibo.video.provider", () -> "bbb");
        registry.add("chibo.video.bbb.api-url", SERVER::apiUrl);
        registry.add("chibo.video.bbb.secret", () -> SECRET);
        registry.add("chibo.video.bbb.checksum-algorithm", () -> "SHA256");
        registry.add("chibo.video.room-key", () -> "room-key-of-the-bigbluebutton-tests");
        registry.add("chibo.public-url", () -> PUBLIC_URL);
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    CheckIns checkIns;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    OnlineSessions onlineSessions;

    @Autowired
    BigBlueButton bbb;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    Village village;
    MeetingId meeting;
    Member member;
    String room;

    @BeforeEach
    void meetingInProgress() {
        village = fixtures.village();
        meeting = fixtures.underway(village);
        member = village.memberOf(village.member());
        room = bbb.roomOf(meeting);
        SERVER.forget();
    }

    @AfterEach
    void acceptCreateAgain() {
        SERVER.refuseCreate(false);
    }

    @Test
    void joinCreatesRoomAndSignsJoin() {
        CheckIns.Arrival arrival = checkIns.joinOnline(village.member(), meeting);

        assertThat(SERVER.calls()).extracting(FakeBigBlueButton.Call::name).containsExactly("create", "hooks/create");
        assertThat(SERVER.calls()).allMatch(FakeBigBlueButton.Call::checksumValid);
        Map<String, String> create = SERVER.calls().get(0).parameters();
        assertThat(create).containsEntry("meetingID", room).containsEntry("record", "false")
                .containsEntry("name", "Sinh hoạt chi bộ định kỳ tháng 12/2026")
                .containsEntry("logoutURL", PUBLIC_URL + "/meetings/" + meeting.value());
        assertThat(room).matches("chibo-[0-9a-f]{32}").doesNotContain(Long.toString(meeting.value()) + "-");
        Map<String, String> hook = SERVER.calls().get(1).parameters();
        assertThat(hook).containsEntry("callbackURL", callbackUrl(meeting)).containsEntry("meetingID", room)
                .containsEntry("eventID", "user-joined,user-left,meeting-ended");

        URI join = URI.create(arrival.onlineLink());
        assertThat(join.getPath()).isEqualTo("/bigbluebutton/api/join");
        assertThat(SERVER.isSigned("join", join.getRawQuery())).isTrue();
        assertThat(FakeBigBlueButton.parameters(join.getRawQuery())).containsEntry("fullName", member.fullName())
                .containsEntry("meetingID", room).containsEntry("role", "VIEWER")
                .containsEntry("userID", Long.toString(member.id().value())).containsEntry("redirect", "true");
        assertThat(meetings.markOf(meeting, member.id()).orElseThrow().status()).isEqualTo(AttendanceStatus.PRESENT_ONLINE);
    }

    @Test
    void hybridMeetingNeedsNoLinkOfItsOwn() {
        MeetingDetails details = fixtures.details(village, Instant.now().plus(Duration.ofDays(3)));
        MeetingDetails withoutLink = new MeetingDetails(details.kind(), details.mode(), details.title(),
                details.startsAt(), details.plannedEndAt(), details.place(), null, details.chair(), details.minuteTaker(),
                details.agenda());

        MeetingId planned = management.schedule(village.secretary(), village.cell().id(), withoutLink);

        assertThat(management.requiresOnlineLink()).isFalse();
        assertThat(meetings.get(planned).onlineLink()).isNull();
        assertThat(withoutLink.problems(false)).isEmpty();
        assertThat(withoutLink.problems(true)).extracting(MeetingDetailsProblem::field).containsExactly("onlineLink");
    }

    @Test
    void chairJoinsAsModerator() {
        CheckIns.Arrival arrival = checkIns.joinOnline(village.secretary(), meeting);

        assertThat(FakeBigBlueButton.parameters(URI.create(arrival.onlineLink()).getRawQuery()))
                .containsEntry("role", "MODERATOR");
    }

    @Test
    void refusedRoomLeavesRollUnchanged() throws Exception {
        SERVER.refuseCreate(true);

        assertThatThrownBy(() -> checkIns.joinOnline(village.member(), meeting))
                .isInstanceOf(VideoConferenceUnavailable.class);
        assertThat(meetings.markOf(meeting, member.id())).isEmpty();

        MockHttpSession session = SignIn.as(mvc, village.member());
        String page = mvc.perform(post("/meetings/{id}/join-online", meeting.value()).session(session).with(csrf()))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();
        assertThat(HtmlUtils.htmlUnescape(page)).contains("Máy chủ họp trực tuyến không trả lời");
        assertThat(meetings.markOf(meeting, member.id())).isEmpty();
    }

    @Test
    void joinAndLeaveEventsRecordTimeInRoom() throws Exception {
        // The member entered the room before the chair started the meeting; only the time since the start counts.
        Instant started = meetings.get(meeting).startedAt();
        Instant joined = started.minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        Instant left = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        callback(meeting, joinEvent(member.id().value(), "w_connection1", joined)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes[0]").value("RECORDED"));
        long published = attendanceChanges();
        callback(meeting, joinEvent(member.id().value(), "w_connection1", joined)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes[0]").value("ALREADY_RECORDED"));

        assertThat(published).isPositive();
        assertThat(attendanceChanges()).as("a retried join publishes nothing").isEqualTo(published);

        RollMark mark = meetings.markOf(meeting, member.id()).orElseThrow();
        assertThat(mark.status()).isEqualTo(AttendanceStatus.PRESENT_ONLINE);
        assertThat(mark.arrivedAt()).isEqualTo(joined);
        assertThat(sessionRows()).isEqualTo(1);
        assertThat(audit.entriesFor("meeting", meeting.value())).extracting(AuditEntry::action)
                .containsOnlyOnce("attendance.joinedOnline");

        callback(meeting, leaveEvent("w_connection1", left)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes[0]").value("RECORDED"));
        assertThat(attendanceChanges()).as("a leave publishes a change").isGreaterThan(published);
        callback(meeting, leaveEvent("w_connection1", left)).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes[0]").value("ALREADY_RECORDED"));

        OnlineTime time = onlineSessions.of(meetings.get(meeting)).get(member.id());
        assertThat(time.inRoom()).isFalse();
        assertThat(time.lastLeftAt()).isEqualTo(left);
        assertThat(time.spent()).isEqualTo(Duration.between(started, left));
        assertThat(time.firstJoinedAt()).isEqualTo(joined);
    }

    @Test
    void roomEndClosesOpenConnections() throws Exception {
        Instant joined = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        callback(meeting, joinEvent(member.id().value(), "w_first", joined)).andExpect(status().isOk());
        callback(meeting, joinEvent(member.id().value(), "w_second", joined.plusSeconds(60))).andExpect(status().isOk());

        callback(meeting, "[{\"data\":{\"type\":\"event\",\"id\":\"meeting-ended\",\"attributes\":{\"meeting\":"
                + "{\"external-meeting-id\":\"" + room + "\"}},\"event\":{\"ts\":" + joined.plusSeconds(600).toEpochMilli()
                + "}}}]").andExpect(status().isOk()).andExpect(jsonPath("$.outcomes[0]").value("RECORDED"));

        OnlineTime time = onlineSessions.of(meetings.get(meeting)).get(member.id());
        assertThat(time.connections()).isEqualTo(2);
        assertThat(time.inRoom()).isFalse();
        assertThat(time.lastLeftAt()).isEqualTo(joined.plusSeconds(600));
    }

    @Test
    void unsignedCallbackIsRejected() throws Exception {
        String event = joinEvent(member.id().value(), "w_forged", Instant.now());

        mvc.perform(form(post("/video/bbb/meetings/{id}/events", meeting.value()), event))
                .andExpect(status().isUnauthorized());
        mvc.perform(form(post("/video/bbb/meetings/{id}/events", meeting.value()).param("checksum",
                FakeBigBlueButton.sha256("forged")), event)).andExpect(status().isUnauthorized());
        mvc.perform(form(post("/video/bbb/meetings/{id}/events", meeting.value()), event)
                .header("Authorization", "Bearer not-the-secret")).andExpect(status().isUnauthorized());

        assertThat(sessionRows()).isZero();
        assertThat(meetings.markOf(meeting, member.id())).isEmpty();
    }

    @Test
    void bearerSecretIsAccepted() throws Exception {
        mvc.perform(form(post("/video/bbb/meetings/{id}/events", meeting.value()), joinEvent(member.id().value(),
                "w_bearer", Instant.now())).header("Authorization", "Bearer " + SECRET))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcomes[0]").value("RECORDED"));

        assertThat(sessionRows()).isEqualTo(1);
    }

    @Test
    void unknownMeetingIsRejected() throws Exception {
        MeetingId unknown = MeetingId.of(987_654_321L);

        callback(unknown, joinEvent(member.id().value(), "w_unknown", Instant.now())).andExpect(status().isNotFound());
    }

    @Test
    void eventOfAnotherRoomIsRejected() throws Exception {
        String otherRoom = joinEvent(member.id().value(), "w_other", Instant.now()).replace(room, "chibo-other");

        callback(meeting, otherRoom).andExpect(status().isNotFound());
        assertThat(sessionRows()).isZero();
    }

    @Test
    void unreadableEventIsRejected() throws Exception {
        callback(meeting, "{not json").andExpect(status().isBadRequest());
        callback(meeting, "[{\"data\":{}}]").andExpect(status().isBadRequest());
        callback(meeting, joinEvent(member.id().value(), "w_" + "x".repeat(100), Instant.now()))
                .andExpect(status().isBadRequest());
        callback(meeting, joinEvent(member.id().value(), "w_far_future", Instant.now().plus(Duration.ofDays(400))))
                .andExpect(status().isBadRequest());
        callback(meeting, joinEvent(member.id().value(), "w_epoch", Instant.EPOCH)).andExpect(status().isBadRequest());
        callback(meeting, joinEvent(member.id().value(), "w_huge", Instant.now()).replaceFirst("\"ts\":[0-9]+",
                "\"ts\":123456789012345678901234567890")).andExpect(status().isBadRequest());
        assertThat(sessionRows()).isZero();
    }

    @Test
    void memberOfAnotherCellIsNotRecorded() throws Exception {
        long outsider = village.outsider().memberId();

        callback(meeting, joinEvent(outsider, "w_outsider", Instant.now())).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes[0]").value("NOT_ON_ROSTER"));
        assertThat(sessionRows()).isZero();
    }

    private ResultActions callback(MeetingId target, String event) throws Exception {
        String timestamp = Long.toString(Instant.now().toEpochMilli());
        String body = "domain=" + enc("bbb.example.vn") + "&event=" + enc(event) + "&timestamp=" + enc(timestamp);
        String checksum = FakeBigBlueButton.sha256(callbackUrl(target) + body + SECRET);
        return mvc.perform(post("/video/bbb/meetings/{id}/events", target.value()).queryParam("checksum", checksum)
                .param("domain", "bbb.example.vn").param("event", event).param("timestamp", timestamp));
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String event) {
        return request.param("domain", "bbb.example.vn").param("event", event).param("timestamp", "1");
    }

    private String joinEvent(long memberId, String connection, Instant at) {
        return "[{\"data\":{\"type\":\"event\",\"id\":\"user-joined\",\"attributes\":{\"meeting\":{\"internal-meeting-id\":"
                + "\"640ab2bae07bedc4c163f679a746f7ab7fb5d1fa-1531155809613\",\"external-meeting-id\":\"" + room + "\"},"
                + "\"user\":{\"internal-user-id\":\"" + connection + "\",\"external-user-id\":\"" + memberId + "\","
                + "\"name\":\"" + member.fullName() + "\",\"role\":\"VIEWER\",\"presenter\":false}},\"event\":{\"ts\":"
                + at.toEpochMilli() + "}}}]";
    }

    private String leaveEvent(String connection, Instant at) {
        return "[{\"data\":{\"type\":\"event\",\"id\":\"user-left\",\"attributes\":{\"meeting\":{\"external-meeting-id\":\""
                + room + "\"},\"user\":{\"internal-user-id\":\"" + connection + "\",\"external-user-id\":\""
                + member.id().value() + "\"}},\"event\":{\"ts\":" + at.toEpochMilli() + "}}}]";
    }

    private static String callbackUrl(MeetingId target) {
        return PUBLIC_URL + "/video/bbb/meetings/" + target.value() + "/events";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long attendanceChanges() {
        return events.stream(MeetingRoomChanged.class)
                .filter(event -> event.equals(new MeetingRoomChanged(meeting, MeetingRoomChanged.Part.ATTENDANCE)))
                .count();
    }

    private long sessionRows() {
        return jdbc.sql("select count(*) from online_session where meeting_id = :meeting")
                .param("meeting", meeting.value()).query(Long.class).single();
    }
}
