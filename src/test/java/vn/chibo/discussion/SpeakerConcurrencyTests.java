package vn.chibo.discussion;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meetings;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps on one speaker list that arrive at the same moment: each runs as if alone, and the rules hold. */
@SqlTest
class SpeakerConcurrencyTests {

    private static final int CLICKS = 8;

    @Autowired
    VillageMeetings villages;

    @Autowired
    SpeakerManagement management;

    @Autowired
    Speakers speakers;

    @Autowired
    Meetings meetings;

    @Test
    void doubleClickRaisesOneHand() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long item = meetings.get(village.meeting()).currentAgendaItemId();
        Actor khanh = villages.accountOf(village, "Lý Văn Khánh");

        List<SpeakerManagement.Raised> results = together(CLICKS,
                () -> management.raise(khanh, village.meeting(), item, SpeakerKind.FOR, null));

        assertThat(speakers.ofMeeting(meetings.get(village.meeting()))).hasSize(1);
        assertThat(results).extracting(SpeakerManagement.Raised::id).containsOnly(results.getFirst().id());
        assertThat(results).filteredOn(SpeakerManagement.Raised::created).hasSize(1);
    }

    @Test
    void twoChairTabsGrantingLeaveOneSpeaker() throws Exception {
        Village village = villages.startedMeetingWithRoll();
        long item = meetings.get(village.meeting()).currentAgendaItemId();
        List<SpeakerRequestId> requests = new ArrayList<>();
        for (String name : List.of("Lý Văn Khánh", "Trần Văn Bình", "Phạm Thị Ánh", "Hoàng Văn An")) {
            requests.add(management.raise(villages.accountOf(village, name), village.meeting(), item, SpeakerKind.FOR,
                    null).id());
        }

        // Half the tabs are the secretary's, half the deputy's; every request is granted from two tabs. A grant
        // that comes after another tab's grant ended that request's turn is refused, as it would be alone.
        AtomicInteger next = new AtomicInteger();
        List<String> outcomes = together(requests.size() * 2, () -> {
            int index = next.getAndIncrement();
            Actor chair = index % 2 == 0 ? village.secretary() : village.minuteTaker();
            try {
                management.grant(chair, requests.get(index / 2));
                return "granted";
            }
            catch (SpeakerRequestRejected rejected) {
                return rejected.messageKey();
            }
        });
        assertThat(outcomes).isSubsetOf("granted", "discussion.speakers.error.notWaiting").contains("granted");

        List<SpeakerRequest> all = speakers.ofMeeting(meetings.get(village.meeting()));
        assertThat(all).filteredOn(SpeakerRequest::isSpeaking).hasSize(1);
        assertThat(all).filteredOn(request -> request.status() == SpeakerRequestStatus.HEARD).hasSize(3);
        assertThat(all).allSatisfy(request -> assertThat(request.turnStartedAt()).isNotNull());
    }

    /** Runs the task on as many threads at once and returns each result, failing on the first error. */
    private static <T> List<T> together(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
