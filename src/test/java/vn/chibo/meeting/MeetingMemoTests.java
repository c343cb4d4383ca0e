package vn.chibo.meeting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.system.RequestMemos;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a meeting and its roster are read once per web request, and that a request that
 * changes the meeting then reads the change.
 */
@SqlTest
class MeetingMemoTests {

    @Autowired
    VillageMeetings villageMeetings;

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingManagement management;

    @BeforeEach
    void startRequest() {
        RequestMemos.open();
    }

    @AfterEach
    void endRequest() {
        RequestMemos.close();
    }

    @Test
    void readsTheMeetingAndRosterOncePerRequest() {
        VillageMeetings.Village village = villageMeetings.publishedMeeting();

        Meeting first = meetings.get(village.meeting());

        assertThat(meetings.get(village.meeting())).isSameAs(first);
        assertThat(meetings.rosterOf(first)).isSameAs(meetings.rosterOf(first)).hasSize(36);
        RequestMemos.close();
        assertThat(meetings.get(village.meeting())).isNotSameAs(meetings.get(village.meeting()));
    }

    @Test
    void readsAfreshOutsideRequests() {
        VillageMeetings.Village village = villageMeetings.publishedMeeting();
        RequestMemos.close();

        assertThat(meetings.get(village.meeting())).isNotSameAs(meetings.get(village.meeting()));
    }

    @Test
    void showsTheChangeTheRequestSaved() {
        VillageMeetings.Village village = villageMeetings.publishedMeeting();
        assertThat(meetings.get(village.meeting()).status()).isEqualTo(MeetingStatus.PUBLISHED);

        management.start(village.secretary(), village.meeting());

        assertThat(meetings.get(village.meeting()).status()).isEqualTo(MeetingStatus.IN_PROGRESS);
    }
}
