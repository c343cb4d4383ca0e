package vn.chibo.meeting.live;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.MeetingRoomChanged.Part;
import vn.chibo.meeting.Meetings;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionManagement;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event stream of a meeting's pages: who may open it, what its events carry, catching up after a
 * reconnect, which changes publish which part, and the fragments that pages fetch on an event.
 */
@SqlTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class LiveChannelTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    OpinionManagement opinions;

    @Autowired
    MotionManagement motions;

    @Autowired
    LivePages livePages;

    @Autowired
    LivePruning pruning;

    @Autowired
    LiveStreams streams;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LiveNotifier notifier;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEvents events;

    MeetingFixtures.Village village;
    MockHttpSession member;

    @BeforeEach
    void village() throws Exception {
        village = fixtures.village();
        member = SignIn.as(mvc, village.member());
    }

    @Test
    void streamNamesChangedPartOnly() throws Exception {
        MeetingId id = fixtures.underway(village);
        MvcResult stream = openStream(id);
        assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");

        management.recordAttendance(village.secretary(), id, village.memberOf(village.member()).id(),
                AttendanceStatus.PRESENT_IN_PERSON, null);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> stream.getResponse().getContentAsString().contains("event:ATTENDANCE"));
        String body = stream.getResponse().getContentAsString();
        assertThat(body).contains("data:attendance");
        assertThat(body).containsPattern("id:\\d+\nevent:ATTENDANCE\ndata:attendance\n\n");
        assertThat(body).doesNotContain(village.memberOf(village.member()).fullName());
        assertThat(body).doesNotContain("PRESENT_IN_PERSON");
    }

    /**
     * A change that rolls back reaches no stream, and a burst of committed changes reaches the stream
     * whole. On PostgreSQL the burst goes out in fewer notifications than events, since the business
     * transactions no longer notify one by one.
     */
    @Test
    void onlyCommittedChangesReachStreams() throws Exception {
        MeetingId id = fixtures.underway(village);
        MvcResult stream = openStream(id);
        long notificationsBefore = notifier.notificationsSent();

        transactions.executeWithoutResult(status -> {
            publisher.publishEvent(new MeetingRoomChanged(id, Part.SPEAKERS));
            status.setRollbackOnly();
        });
        int burst = 200;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < burst; i++) {
                executor.submit(() -> transactions.executeWithoutResult(
                        status -> publisher.publishEvent(new MeetingRoomChanged(id, Part.VOTES))));
            }
        }

        await().atMost(Duration.ofSeconds(10)).until(
                () -> countOf(stream.getResponse().getContentAsString(), "event:VOTES") == burst);
        assertThat(stream.getResponse().getContentAsString()).doesNotContain("event:SPEAKERS");
        if (LiveFanOut.isPostgres(dataSource)) {
            assertThat(notifier.notificationsSent() - notificationsBefore).isPositive().isLessThan(burst);
        }
    }

    @Test
    void heartbeatReachesIdleStream() throws Exception {
        MeetingId id = fixtures.underway(village);
        MvcResult stream = openStream(id);

        streams.heartbeat();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> stream.getResponse().getContentAsString().contains(":heartbeat\n\n"));
        assertThat(stream.getResponse().getContentAsString()).startsWith("retry:2000\n:connected\n\n");
    }

    @Test
    void reconnectCatchesUpFromLastEventId() throws Exception {
        MeetingId id = fixtures.underway(village);
        long before = livePages.latestEventId();
        long item = meetings.get(id).agenda().getFirst().id();
        opinions.post(village.member(), id, item, "Đề nghị làm lại đường làng.");
        management.recordAttendance(village.secretary(), id, village.memberOf(village.member()).id(),
                AttendanceStatus.PRESENT_ONLINE, null);

        MvcResult stream = mvc.perform(get("/meetings/{id}/live", id.value()).session(member)
                        .header("Last-Event-ID", Long.toString(before)))
                .andExpect(request().asyncStarted())
                .andReturn();

        await().atMost(Duration.ofSeconds(10)).until(() -> stream.getResponse().getContentAsString()
                .contains("event:ATTENDANCE"));
        String body = stream.getResponse().getContentAsString();
        assertThat(body).contains("event:OPINIONS\ndata:opinions");
        assertThat(body.indexOf("event:OPINIONS")).isLessThan(body.indexOf("event:ATTENDANCE"));
        assertThat(body).doesNotContain("event:VOTES");
        assertThat(body).doesNotContain("đường làng");
    }

    @Test
    void unknownLastEventIdSendsEveryChangedPart() throws Exception {
        MeetingId id = fixtures.underway(village);

        MvcResult stream = mvc.perform(get("/meetings/{id}/live", id.value()).session(member)
                        .header("Last-Event-ID", "not-a-number"))
                .andExpect(request().asyncStarted())
                .andReturn();

        await().atMost(Duration.ofSeconds(10)).until(() -> stream.getResponse().getContentAsString()
                .contains("event:STATE"));
        assertThat(stream.getResponse().getContentAsString()).contains("event:AGENDA");
    }

    @Test
    void foreignOrAnonymousStreamIsRefused() throws Exception {
        MeetingId id = fixtures.underway(village);

        mvc.perform(get("/meetings/{id}/live", id.value()).session(SignIn.as(mvc, village.outsider())))
                .andExpect(status().isNotFound())
                .andExpect(request().asyncNotStarted());
        mvc.perform(get("/meetings/{id}/live", id.value()).header("Accept", "text/event-stream"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/meetings/{id}/live", id.value()))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/meetings/{id}/live", 999_999_999L).session(member))
                .andExpect(status().isNotFound());
        assertThat(streams.openCount(id.value())).isZero();
    }

    @Test
    void endedOrFarMeetingGetsNoStream() throws Exception {
        MeetingId underway = fixtures.underway(village);
        management.close(village.secretary(), underway);
        MeetingId nextWeek = fixtures.published(village, Instant.now().plus(Duration.ofDays(7)));

        mvc.perform(get("/meetings/{id}/live", underway.value()).session(member))
                .andExpect(status().isNoContent())
                .andExpect(request().asyncNotStarted());
        mvc.perform(get("/meetings/{id}/live", nextWeek.value()).session(member))
                .andExpect(status().isNoContent());
        MeetingId soon = fixtures.published(village, Instant.now().plus(Duration.ofMinutes(30)));
        mvc.perform(get("/meetings/{id}/live", soon.value()).session(member))
                .andExpect(request().asyncStarted());
    }

    @Test
    void everyRoomChangePublishesItsPart() {
        MeetingId published = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(5)));
        events.clear();

        management.start(village.secretary(), published);
        assertThat(partsPublished(published)).containsExactly(Part.STATE, Part.AGENDA);

        events.clear();
        management.recordAttendance(village.secretary(), published, village.memberOf(village.member()).id(),
                AttendanceStatus.PRESENT_IN_PERSON, null);
        assertThat(partsPublished(published)).containsExactly(Part.ATTENDANCE);

        events.clear();
        long item = meetings.get(published).agenda().getFirst().id();
        OpinionId opinion = opinions.post(village.member(), published, item, "Ý kiến về đường làng.");
        opinions.edit(village.member(), opinion, "Ý kiến mới về đường làng.");
        opinions.markSpoken(village.secretary(), opinion, true);
        opinions.withdraw(village.member(), opinion);
        assertThat(partsPublished(published)).containsExactly(Part.OPINIONS, Part.OPINIONS, Part.OPINIONS,
                Part.OPINIONS);

        events.clear();
        MotionId motion = motions.open(village.secretary(), published, "Biểu quyết thông qua nghị quyết");
        motions.cast(village.member(), motion, BallotChoice.FOR);
        motions.close(village.secretary(), motion);
        assertThat(partsPublished(published)).containsExactly(Part.VOTES, Part.VOTES, Part.VOTES);

        events.clear();
        management.close(village.secretary(), published);
        assertThat(partsPublished(published)).containsExactly(Part.STATE, Part.AGENDA, Part.ATTENDANCE);

        MeetingId toCancel = fixtures.published(village, Instant.now().plus(Duration.ofDays(2)));
        events.clear();
        management.cancel(village.secretary(), toCancel, "Trùng lịch họp của xã.");
        assertThat(partsPublished(toCancel)).containsExactly(Part.STATE);
    }

    @Test
    void eventsAreStoredWithPartOnly() {
        MeetingId id = fixtures.underway(village);
        long before = livePages.latestEventId();

        management.recordAttendance(village.secretary(), id, village.memberOf(village.member()).id(),
                AttendanceStatus.ABSENT_EXCUSED, "Đi viện khám bệnh");

        var rows = jdbc.sql("select meeting_id, part from live_event where id > :before")
                .param("before", before)
                .query((row, number) -> row.getLong("meeting_id") + ":" + row.getString("part"))
                .list();
        assertThat(rows).containsExactly(id.value() + ":ATTENDANCE");
        assertThat(livePages.latestEventId()).isGreaterThan(before);
    }

    @Test
    void pruningTakesLeaseAndDeletesOldEvents() {
        MeetingId id = fixtures.underway(village);
        long events = jdbc.sql("select count(*) from live_event where meeting_id = :id").param("id", id.value())
                .query(Long.class).single();
        assertThat(events).isPositive();
        // Clear the lease that another test of this context may hold, as its end would.
        jdbc.sql("update scheduled_job_lock set locked_until = timestamp with time zone '2000-01-01 00:00:00+00'"
                + " where name = 'live.prune'").update();

        int deleted = pruning.runOnce(Instant.now().plus(Duration.ofDays(1)));

        assertThat(deleted).isGreaterThanOrEqualTo((int) events);
        assertThat(jdbc.sql("select count(*) from live_event where meeting_id = :id").param("id", id.value())
                .query(Long.class).single()).isZero();
        assertThat(pruning.runOnce(Instant.now().plus(Duration.ofDays(1)))).isEqualTo(-1);
    }

    @Test
    void partsRenderRegionsOfThePage() throws Exception {
        MeetingId id = fixtures.underway(village);
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());

        mvc.perform(get("/meetings/{id}", id.value()).session(member))
                .andExpect(content().string(containsString("data-live-stream=\"/meetings/" + id + "/live?lastEventId=")))
                .andExpect(content().string(containsString("id=\"live-attendance\"")))
                .andExpect(content().string(containsString("id=\"live-votes\"")));
        mvc.perform(get("/meetings/{id}/parts/attendance", id.value()).session(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"live-attendance\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/meetings/{id}/parts/agenda", id.value()).session(member))
                .andExpect(content().string(containsString("id=\"live-current-item\"")))
                .andExpect(content().string(containsString("Khai mạc")));
        mvc.perform(get("/meetings/{id}/parts/state", id.value()).session(secretary))
                .andExpect(content().string(containsString("/meetings/" + id + "/projector")));
        mvc.perform(get("/meetings/{id}/parts/votes", id.value()).session(member))
                .andExpect(content().string(containsString("id=\"live-votes\"")));
        mvc.perform(get("/meetings/{id}/parts/{part}", id.value(), "nothing").session(member))
                .andExpect(status().isNotFound());
        mvc.perform(get("/meetings/{id}/opinions", id.value()).session(member))
                .andExpect(content().string(containsString("id=\"opinion-list-")))
                .andExpect(content().string(not(containsString("<textarea"))));
        mvc.perform(get("/meetings/{id}/attendance/rows", id.value()).session(secretary))
                .andExpect(content().string(containsString("id=\"roll-lists\"")));
    }

    @Test
    void projectorIsForChairAndShowsThreshold() throws Exception {
        MeetingId id = fixtures.underway(village);
        MockHttpSession secretary = SignIn.as(mvc, village.secretary());
        management.recordAttendance(village.secretary(), id, village.memberOf(village.member()).id(),
                AttendanceStatus.PRESENT_IN_PERSON, null);
        var tally = meetings.tally(id);

        mvc.perform(get("/meetings/{id}/projector", id.value()).session(member))
                .andExpect(status().isForbidden());
        mvc.perform(get("/meetings/{id}/projector", id.value()).session(SignIn.as(mvc, village.outsider())))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/meetings/{id}/projector", id.value()).session(secretary))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("/css/projector");
        assertThat(page).contains("Khai mạc");
        assertThat(page).contains("<b id=\"projector-in-room\">1</b>");
        assertThat(page).contains("ít nhất " + tally.votesNeeded() + " phiếu tán thành (quá nửa của "
                + tally.denominator());
        assertThat(page).doesNotContain("<a ").doesNotContain("<form").doesNotContain("<button");
        mvc.perform(get("/meetings/{id}/projector/parts/votes", id.value()).session(secretary))
                .andExpect(content().string(containsString("id=\"projector-votes\"")));
    }

    /** Opens the member's stream of the meeting and waits until the node has registered it. */
    private MvcResult openStream(MeetingId id) throws Exception {
        MvcResult stream = mvc.perform(get("/meetings/{id}/live", id.value()).session(member))
                .andExpect(request().asyncStarted())
                .andReturn();
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openCount(id.value()) == 1);
        return stream;
    }

    /** Returns how often the text contains the line, such as an event's name. */
    private static int countOf(String text, String line) {
        return text.split(line, -1).length - 1;
    }

    private java.util.List<Part> partsPublished(MeetingId meeting) {
        return events.stream(MeetingRoomChanged.class)
                .filter(event -> event.meetingId().equals(meeting))
                .map(MeetingRoomChanged::part)
                .toList();
    }
}
