package vn.chibo.meeting;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.discussion.OpinionId;
import vn.chibo.discussion.OpinionManagement;
import vn.chibo.meeting.MeetingFixtures.Village;
import vn.chibo.system.SharedRowLock;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Arrivals and new opinions lock the meeting in share mode: a step that locks it for update, such as
 * the close, waits for one in progress, and on PostgreSQL they do not wait for one another.
 */
@SqlTest
class SharedMeetingLockTests {

    @Autowired
    MeetingFixtures fixtures;

    @Autowired
    Meetings meetings;

    @Autowired
    CheckIns checkIns;

    @Autowired
    CheckInCodes codes;

    @Autowired
    OpinionManagement opinions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    /** A thread per task: the common pool may have a single thread, which the holder keeps. */
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch arrivalLocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private CompletableFuture<Void> holder;
    private Village village;
    private MeetingId meeting;

    @BeforeEach
    void arrivalInProgress() throws Exception {
        village = fixtures.village();
        meeting = fixtures.underway(village);
        holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            meetings.lockShared(meeting);
            arrivalLocked.countDown();
            await(release);
        }), threads);
        assertThat(arrivalLocked.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void endArrival() throws Exception {
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        threads.close();
    }

    @Test
    void lockForUpdateWaitsForArrival() throws Exception {
        CompletableFuture<Meeting> close = CompletableFuture.supplyAsync(() ->
                transactions.execute(status -> meetings.lock(meeting)), threads);

        assertThatThrownBy(() -> close.get(700, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(close.get(10, TimeUnit.SECONDS).id()).isEqualTo(meeting);
    }

    @Test
    void arrivalsSideBySideOnPostgres() throws Exception {
        assumeTrue(SharedRowLock.clauseFor(dataSource).equals("for share"), "H2 has no shared row lock");

        CompletableFuture<CheckIns.Arrival> arrival = CompletableFuture.supplyAsync(() ->
                checkIns.checkIn(village.member(), meeting, codes.current(meeting)), threads);

        assertThat(arrival.get(5, TimeUnit.SECONDS).changed()).isTrue();
    }

    @Test
    void opinionsSideBySideOnPostgres() throws Exception {
        assumeTrue(SharedRowLock.clauseFor(dataSource).equals("for share"), "H2 has no shared row lock");
        long item = meetings.get(meeting).agenda().getFirst().id();

        CompletableFuture<OpinionId> opinion = CompletableFuture.supplyAsync(() ->
                opinions.post(village.member(), meeting, item, "Đề nghị làm lại đường bê tông xóm Bắc."), threads);

        assertThat(opinion.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
