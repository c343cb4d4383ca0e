package vn.chibo.voting;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.AttendanceStatus;
import vn.chibo.meeting.MeetingDetails;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingKind;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingMode;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.organization.Organization;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many members voting on one motion at once, from many threads: every ballot is counted once, the
 * progress counter only goes up, and a close that races the ballots loses none that was accepted.
 * It checks counts and order, never speed; the throughput budget is measured in bench/.
 */
@SqlTest
class VoteLoadTests {

    private static final int VOTERS = 300;
    private static final int THREADS = 24;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeetingManagement meetingManagement;

    @Autowired
    MotionManagement management;

    @Autowired
    SecretBallots secretBallots;

    @Autowired
    Motions motions;

    @Autowired
    JdbcClient jdbc;

    /** A cell of 300 official members, all present at a meeting in progress that its secretary chairs. */
    record Assembly(Actor secretary, MeetingId meeting, List<Actor> voters) {
    }

    @Test
    void threeHundredSecretBallotsAllCounted() throws Exception {
        Assembly assembly = assembly();
        MotionId id = open(assembly, VotingMethod.SECRET);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < VOTERS; i++) {
            Actor voter = assembly.voters().get(i);
            BallotChoice choice = BallotChoice.values()[i % 3];
            tasks.add(() -> secretBallots.cast(voter, id, choice) != null);
        }

        List<Integer> samples = new ArrayList<>();
        var done = new AtomicBoolean();
        Motion motion = motions.get(id);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                samples.add(motions.progressOf(motion).voted());
            }
        });
        int accepted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (Future<Boolean> outcome : pool.invokeAll(tasks)) {
                accepted += outcome.get() ? 1 : 0;
            }
        }
        done.set(true);
        sampler.join();

        assertThat(accepted).isEqualTo(VOTERS);
        assertThat(samples).isNotEmpty().isSorted();
        assertThat(motions.progressOf(motion)).isEqualTo(new VoteProgress(VOTERS, VOTERS));
        assertThat(rowsOf("secret_ballot_roll", id)).isEqualTo(VOTERS);
        assertThat(rowsOf("secret_ballot", id)).isEqualTo(VOTERS);
        MotionResult result = management.close(assembly.secretary(), id);
        assertThat(result.votesFor()).isEqualTo(VOTERS / 3);
        assertThat(result.votesAgainst()).isEqualTo(VOTERS / 3);
        assertThat(result.abstentions()).isEqualTo(VOTERS / 3);
        assertThat(result.notVoting()).isZero();
        assertThat(result.denominator()).isEqualTo(VOTERS);
    }

    @Test
    void closeDuringSecretBallotsLosesNone() throws Exception {
        closeWhileBallotsArrive(VotingMethod.SECRET);
    }

    @Test
    void closeDuringOpenBallotsLosesNone() throws Exception {
        closeWhileBallotsArrive(VotingMethod.ELECTRONIC);
    }

    /**
     * Closes the vote once a third of the ballots were accepted, while the rest still arrive. Every
     * ballot must end either accepted and counted, or rejected because the vote had closed.
     */
    private void closeWhileBallotsArrive(VotingMethod method) throws Exception {
        Assembly assembly = assembly();
        MotionId id = open(assembly, method);
        var third = new CountDownLatch(VOTERS / 3);
        var tasks = new ArrayList<Callable<Outcome>>();
        for (Actor voter : assembly.voters()) {
            tasks.add(() -> {
                try {
                    if (method == VotingMethod.SECRET) {
                        secretBallots.cast(voter, id, BallotChoice.FOR);
                    }
                    else {
                        management.cast(voter, id, BallotChoice.FOR);
                    }
                    third.countDown();
                    return Outcome.ACCEPTED;
                }
                catch (MotionNotOpen closed) {
                    return Outcome.CLOSED;
                }
            });
        }

        List<Future<Outcome>> outcomes;
        MotionResult result;
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            outcomes = tasks.stream().map(pool::submit).toList();
            third.await();
            result = management.close(assembly.secretary(), id);
        }

        int accepted = 0;
        int closed = 0;
        for (Future<Outcome> outcome : outcomes) {
            switch (outcome.get()) {
                case ACCEPTED -> accepted++;
                case CLOSED -> closed++;
            }
        }
        assertThat(accepted + closed).isEqualTo(VOTERS);
        assertThat(accepted).isGreaterThanOrEqualTo(VOTERS / 3);
        assertThat(result.votesFor()).isEqualTo(accepted);
        assertThat(motions.get(id).result()).isEqualTo(result);
        String ballots = method == VotingMethod.SECRET ? "secret_ballot" : "ballot";
        assertThat(rowsOf(ballots, id)).isEqualTo(accepted);
        if (method == VotingMethod.SECRET) {
            assertThat(rowsOf("secret_ballot_roll", id)).isEqualTo(accepted);
        }
    }

    enum Outcome {
        ACCEPTED, CLOSED
    }

    private MotionId open(Assembly assembly, VotingMethod method) {
        return management.open(assembly.secretary(), assembly.meeting(),
                new MotionRequest(MotionKind.RESOLUTION, method, "Biểu quyết thông qua Nghị quyết", null, null));
    }

    /** Builds a cell of 300 official members with accounts, and a meeting in progress where all are present. */
    private Assembly assembly() {
        Fixtures.Commune commune = fixtures.commune();
        Organization cell = commune.cell();
        var members = new ArrayList<MemberId>();
        var voters = new ArrayList<Actor>();
        for (int i = 0; i < VOTERS; i++) {
            MemberId member = fixtures.member(cell, "Đảng viên " + (i + 1), MembershipStatus.OFFICIAL,
                    ActivityStatus.ACTIVE);
            members.add(member);
        }
        Actor secretary = fixtures.account(cell, members.getFirst(), Role.MEMBER, Role.CELL_SECRETARY);
        voters.add(secretary);
        for (MemberId member : members.subList(1, VOTERS)) {
            voters.add(fixtures.account(cell, member, Role.MEMBER));
        }

        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        MeetingId meeting = meetingManagement.schedule(secretary, cell.id(), new MeetingDetails(MeetingKind.REGULAR,
                MeetingMode.IN_PERSON, "Hội nghị đảng viên", start, start.plus(Duration.ofHours(2)), "Hội trường",
                null, members.getFirst(), members.get(1), List.of(new AgendaItem("Biểu quyết", null)), false));
        meetingManagement.publish(secretary, meeting);
        meetingManagement.start(secretary, meeting);
        for (MemberId member : members) {
            meetingManagement.recordAttendance(secretary, meeting, member, AttendanceStatus.PRESENT_IN_PERSON, null);
        }
        return new Assembly(secretary, meeting, voters);
    }

    private int rowsOf(String table, MotionId id) {
        return jdbc.sql("select count(*) from " + table + " where motion_id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }
}
