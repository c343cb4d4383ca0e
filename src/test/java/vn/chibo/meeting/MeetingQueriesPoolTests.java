package vn.chibo.meeting;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meeting queries must need one pooled connection at a time. Loading a meeting's agenda on a
 * second connection while the first holds the result set deadlocked the pool under concurrent
 * requests. Here the pool has two connections and the test keeps one, so the same mistake fails
 * after the pool's timeout.
 */
@SqlTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
    "spring.datasource.hikari.connection-timeout=2000" })
class MeetingQueriesPoolTests {

    @Autowired
    VillageMeetings villageMeetings;

    @Autowired
    Meetings meetings;

    @Autowired
    DataSource dataSource;

    @Test
    void cellQueriesLoadAgendaOnOneConnection() throws Exception {
        VillageMeetings.Village village = villageMeetings.publishedMeeting();

        List<Meeting> open;
        List<Meeting> all;
        try (Connection held = dataSource.getConnection()) {
            open = meetings.openOf(village.commune().cell().id());
            all = meetings.ofCell(village.commune().cell().id());
        }

        assertThat(open).isNotEmpty();
        assertThat(open.getFirst().agenda()).isNotEmpty();
        assertThat(all).hasSameSizeAs(open);
        assertThat(meetings.latestAnnouncedOf(village.commune().cell().id())).isPresent();
    }
}
