package vn.chibo.meeting.live;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Values that the templates of live pages read, as the bean {@code livePages}. A page links its event stream
 * with the id of the latest event at the time it was rendered, so that a change that commits between
 * the rendering and the stream's opening still reaches it.
 */
@Component("livePages")
public class LivePages {

    private final JdbcClient jdbc;

    LivePages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the id of the latest stored live event of any meeting, or 0 when there is none. */
    public long latestEventId() {
        return jdbc.sql("select coalesce(max(id), 0) from live_event").query(Long.class).single();
    }
}
