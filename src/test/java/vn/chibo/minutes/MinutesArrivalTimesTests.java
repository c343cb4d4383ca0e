package vn.chibo.minutes;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.meeting.CheckIns;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.RollMark;
import vn.chibo.system.Formats;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The attendance section of the minutes names late arrivals and early leaves with their times. */
@SqlTest
class MinutesArrivalTimesTests {

    private static final String LATE = "Lý Văn Khánh";
    private static final String LEFT = "Trần Văn Bình";

    @Autowired
    VillageMeetings villages;

    @Autowired
    MeetingManagement management;

    @Autowired
    Meetings meetings;

    @Autowired
    CheckIns checkIns;

    @Autowired
    MinutesBook book;

    @Autowired
    Formats formats;

    @Autowired
    JdbcClient jdbc;

    @Test
    void minutesNameLateArrivalsAndEarlyLeaves() {
        Village village = villages.publishedMeeting();
        if (meetings.get(village.meeting()).isPublished()) {
            management.start(village.secretary(), village.meeting());
        }
        villages.takeRoll(village);
        // The chair opened on time, an hour ago; everyone but one member was marked five minutes later.
        jdbc.sql("update meeting set started_at = starts_at where id = :id").param("id", village.meeting().value())
                .update();
        jdbc.sql("""
                update attendance set arrived_at = (select starts_at from meeting where id = :id) + interval '5' minute
                where meeting_id = :id and member_id <> :late and arrived_at is not null
                """)
                .param("id", village.meeting().value()).param("late", village.member(LATE).value()).update();
        checkIns.leave(villages.accountOf(village, LEFT), village.meeting());
        RollMark late = meetings.markOf(village.meeting(), village.member(LATE)).orElseThrow();
        RollMark left = meetings.markOf(village.meeting(), village.member(LEFT)).orElseThrow();

        management.close(village.secretary(), village.meeting());
        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(village.meeting()).isPresent());

        Locale vietnamese = Locale.of("vi");
        assertThat(late.late()).isTrue();
        assertThat(left.late()).isFalse();
        assertThat(book.of(village.meeting()).orElseThrow().facts().attendance()).containsSubsequence(
                "- Vắng không có lý do: 1 đồng chí:",
                "+ Đồng chí Dương Thị Thu.",
                "- Đến muộn: 1 đồng chí:",
                "+ Đồng chí " + LATE + ", đến lúc " + formats.timeInZone(late.arrivedAt(), vietnamese) + ".",
                "- Về trước khi kết thúc: 1 đồng chí:",
                "+ Đồng chí " + LEFT + ", về lúc " + formats.timeInZone(left.leftAt(), vietnamese) + ".");
    }
}
