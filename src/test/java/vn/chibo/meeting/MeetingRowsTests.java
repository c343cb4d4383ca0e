package vn.chibo.meeting;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written reads give the same meeting, agenda and version as Spring Data JDBC's mapping. */
@SqlTest
class MeetingRowsTests {

    @Autowired
    MeetingRows rows;

    @Autowired
    MeetingRepository repository;

    @Autowired
    VillageMeetings villages;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void findMatchesRepository() {
        Village village = villages.meetingInProgress();
        Meeting mapped = repository.findById(village.meeting().value()).orElseThrow();

        Meeting read = rows.find(village.meeting().value()).orElseThrow();

        assertThat(mapped.agenda()).hasSizeGreaterThan(1);
        assertThat(mapped.startedAt()).isNotNull();
        assertThat(read).usingRecursiveComparison().isEqualTo(mapped);
    }

    @Test
    void lockMatchesRepository() {
        Village village = villages.publishedMeeting();
        Meeting mapped = repository.findById(village.meeting().value()).orElseThrow();

        Meeting locked = transactions.execute(status -> rows.lock(village.meeting().value()).orElseThrow());

        assertThat(locked).usingRecursiveComparison().isEqualTo(mapped);
    }

    @Test
    void missingMeetingIsEmpty() {
        assertThat(rows.find(Long.MAX_VALUE)).isEmpty();
        Optional<Meeting> locked = transactions.execute(status -> rows.lock(Long.MAX_VALUE));
        assertThat(locked).isEmpty();
    }

    @Test
    void savesAfterHandRead() {
        Village village = villages.publishedMeeting();
        Meeting read = rows.find(village.meeting().value()).orElseThrow();
        int version = read.revision();

        repository.save(read);

        Meeting saved = repository.findById(village.meeting().value()).orElseThrow();
        assertThat(saved.revision()).isEqualTo(version + 1);
        assertThat(saved.agenda()).isEqualTo(read.agenda());
    }
}
