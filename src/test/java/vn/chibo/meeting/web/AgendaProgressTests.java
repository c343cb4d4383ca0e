package vn.chibo.meeting.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingFixtures;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.SignIn;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The chair moves a meeting in progress through its agenda; the item under discussion is on every page. */
@SqlTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AgendaProgressTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingManagement management;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEvents events;

    MeetingFixtures.Village village;
    MockHttpSession secretary;

    @BeforeEach
    void village() throws Exception {
        village = fixtures.village();
        secretary = SignIn.as(mvc, village.secretary());
    }

    @Test
    void startingPutsFirstItemUnderDiscussion() {
        MeetingId published = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(meetings.get(published).currentAgendaItemId()).isNull();

        MeetingId id = fixtures.underway(village);

        Meeting meeting = meetings.get(id);
        assertThat(meeting.currentItem()).map(AgendaItem::title).contains("Khai mạc");
        assertThat(meeting.currentItemSince()).isEqualTo(meeting.startedAt());
    }

    @Test
    void chairMovesToAnotherItem() throws Exception {
        MeetingId id = fixtures.underway(village);
        long closing = meetings.get(id).agenda().get(1).id();
        events.clear();

        mvc.perform(post("/meetings/{m}/agenda/{i}/discuss", id.value(), closing).session(secretary).with(csrf()))
                .andExpect(redirectedUrl("/meetings/" + id + "#agenda-item-" + closing));

        Meeting meeting = meetings.get(id);
        assertThat(meeting.currentItem()).map(AgendaItem::title).contains("Bế mạc");
        assertThat(audit.entriesFor("meeting", id.value())).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(tuple("meeting.agendaItemDiscussed", "item=" + closing));
        assertThat(events.stream(MeetingRoomChanged.class))
                .containsExactly(new MeetingRoomChanged(id, MeetingRoomChanged.Part.AGENDA));
        mvc.perform(get("/meetings/{id}", id.value()).session(secretary))
                .andExpect(content().string(containsString("Đang thảo luận")))
                .andExpect(content().string(containsString("/meetings/" + id + "/agenda/"
                        + meeting.agenda().getFirst().id() + "/discuss")));
    }

    @Test
    void choosingCurrentItemAgainChangesNothing() throws Exception {
        MeetingId id = fixtures.underway(village);
        long opening = meetings.get(id).agenda().getFirst().id();
        int revision = meetings.get(id).revision();
        events.clear();

        mvc.perform(post("/meetings/{m}/agenda/{i}/discuss", id.value(), opening).session(secretary).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(meetings.get(id).revision()).isEqualTo(revision);
        assertThat(events.stream(MeetingRoomChanged.class)).isEmpty();
    }

    @Test
    void onlyChairOfThisCellMovesAgenda() throws Exception {
        MeetingId id = fixtures.underway(village);
        long closing = meetings.get(id).agenda().get(1).id();

        mvc.perform(post("/meetings/{m}/agenda/{i}/discuss", id.value(), closing)
                        .session(SignIn.as(mvc, village.member())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/meetings/{m}/agenda/{i}/discuss", id.value(), closing)
                        .session(SignIn.as(mvc, village.outsider())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/meetings/{id}", id.value()).session(SignIn.as(mvc, village.member())))
                .andExpect(content().string(containsString("Đang thảo luận")))
                .andExpect(content().string(not(containsString("/discuss"))));

        assertThat(meetings.get(id).currentItem()).map(AgendaItem::title).contains("Khai mạc");
    }

    @Test
    void unknownItemOrWrongStateIsRefused() throws Exception {
        MeetingId id = fixtures.underway(village);
        long closing = meetings.get(id).agenda().get(1).id();

        mvc.perform(post("/meetings/{m}/agenda/{i}/discuss", id.value(), 999_999_999L).session(secretary).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Mục này không có trong chương trình của cuộc họp.")));
        MeetingId published = fixtures.published(village, Instant.now().minus(Duration.ofMinutes(5)));
        long item = meetings.get(published).agenda().get(1).id();
        mvc.perform(post("/meetings/{m}/agenda/{i}/discuss", published.value(), item).session(secretary).with(csrf()))
                .andExpect(status().isConflict());

        management.close(village.secretary(), id);
        assertThat(meetings.get(id).currentAgendaItemId()).isNull();
        mvc.perform(post("/meetings/{m}/agenda/{i}/discuss", id.value(), closing).session(secretary).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void removingCurrentItemLeavesNoneCurrent() {
        MeetingId id = fixtures.underway(village);
        MeetingDetails d = fixtures.details(village, meetings.get(id).startsAt());
        var withoutOpening = new MeetingDetails(d.kind(), d.mode(), d.title(), d.startsAt(), d.plannedEndAt(), d.place(),
                d.onlineLink(), d.chair(), d.minuteTaker(), List.of(new AgendaItem("Bế mạc", null)));

        management.revise(village.secretary(), id, withoutOpening);

        assertThat(meetings.get(id).currentAgendaItemId()).isNull();
    }
}
