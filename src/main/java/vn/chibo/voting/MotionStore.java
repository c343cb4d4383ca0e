package vn.chibo.voting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.meeting.MeetingId;
import vn.chibo.member.MemberId;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.JdbcTime;
import vn.chibo.system.RequestMemo;
import vn.chibo.system.SharedRowLock;

/** Stores motions, their ballots and their frozen results. */
@Component
class MotionStore {

    private static final String SELECT = """
            select id, meeting_id, cell_id, kind, method, subject_member_id, subject_name, title, status, opened_at,
                   closed_at, votes_for, votes_against, abstentions, not_voting, denominator, votes_needed, passed,
                   eligible_present, seats, election_round, election_of
            from motion
            """;

    private final JdbcClient jdbc;
    private final String ballotLock;

    MotionStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // Ballots must not block each other, but closing the vote must wait for every ballot in progress.
        this.ballotLock = SharedRowLock.clauseFor(dataSource);
    }

    MotionId insert(MeetingId meeting, OrganizationId cell, MotionKind kind, VotingMethod method,
            @Nullable MotionSubject subject, String title, long openedBy, Instant now) {
        return insert(meeting, cell, kind, method, subject, title, openedBy, now, null, List.of());
    }

    /** Stores an open motion with the seats of an election round and the lines of its ballot, if any. */
    MotionId insert(MeetingId meeting, OrganizationId cell, MotionKind kind, VotingMethod method,
            @Nullable MotionSubject subject, String title, long openedBy, Instant now,
            @Nullable ElectionSeats election, List<BallotOption> options) {
        var keys = new GeneratedKeyHolder();
        MemberId subjectMember = subject == null ? null : subject.memberId();
        jdbc.sql("""
                insert into motion (meeting_id, cell_id, title, kind, method, subject_member_id, subject_name, status,
                                    opened_at, opened_by, seats, election_round, election_of)
                values (:meeting, :cell, :title, :kind, :method, :subjectMember, :subjectName, 'OPEN', :now, :openedBy,
                        :seats, :round, :electionOf)
                """)
                .param("meeting", meeting.value())
                .param("cell", cell.value())
                .param("title", title)
                .param("kind", kind.name())
                .param("method", method.name())
                .param("subjectMember", subjectMember == null ? null : subjectMember.value(), Types.BIGINT)
                .param("subjectName", subject == null ? null : subject.fullName(), Types.VARCHAR)
                .param("now", JdbcTime.param(now))
                .param("openedBy", openedBy)
                .param("seats", election == null ? null : election.seats(), Types.INTEGER)
                .param("round", election == null ? null : election.round().name(), Types.VARCHAR)
                .param("electionOf", election == null || election.firstRound() == null ? null
                        : election.firstRound().value(), Types.BIGINT)
                .update(keys, "id");
        MotionId id = MotionId.of(keys.getKey().longValue());
        for (BallotOption option : options) {
            jdbc.sql("""
                    insert into motion_option (motion_id, position, label, member_id, penalty)
                    values (:motion, :position, :label, :member, :penalty)
                    """)
                    .param("motion", id.value())
                    .param("position", option.position())
                    .param("label", option.label())
                    .param("member", option.memberId() == null ? null : option.memberId().value(), Types.BIGINT)
                    .param("penalty", option.penalty() == null ? null : option.penalty().name(), Types.VARCHAR)
                    .update();
        }
        return id;
    }

    /** Returns the rounds of an election after its first, in the order they were opened. */
    List<Motion> laterRoundsOf(MotionId firstRound) {
        return withExclusions(jdbc.sql(SELECT + " where election_of = :first order by opened_at, id")
                .param("first", firstRound.value())
                .query(MotionStore::map)
                .list());
    }

    /**
     * Finds the motion, read once per request ({@link RequestMemo}): a ballot checks access, the voter
     * and the panel against it. Closing the motion or storing its result drops it from the memo.
     */
    Optional<Motion> find(MotionId id) {
        return RequestMemo.get(motionKey(id), () -> withExclusions(jdbc.sql(SELECT + " where id = :id")
                .param("id", id.value())
                .query(MotionStore::map)
                .list()).stream().findFirst());
    }

    private static String motionKey(MotionId motion) {
        return "motion." + motion.value();
    }

    private static String choiceKey(MotionId motion, MemberId member) {
        return "choice." + motion.value() + "." + member.value();
    }

    /** Returns the motions of a meeting in the order they were opened. */
    List<Motion> ofMeeting(MeetingId meeting) {
        return withExclusions(jdbc.sql(SELECT + " where meeting_id = :meeting order by opened_at, id")
                .param("meeting", meeting.value())
                .query(MotionStore::map)
                .list());
    }

    Optional<Motion> openOf(MeetingId meeting) {
        return withExclusions(jdbc.sql(SELECT + " where meeting_id = :meeting and status = 'OPEN'")
                .param("meeting", meeting.value())
                .query(MotionStore::map)
                .list()).stream().findFirst();
    }

    List<Motion> openInCell(OrganizationId cell) {
        return withExclusions(jdbc.sql(SELECT + " where cell_id = :cell and status = 'OPEN' order by opened_at, id")
                .param("cell", cell.value())
                .query(MotionStore::map)
                .list());
    }

    /**
     * Takes the ballot lock on the motion's row and returns its status as it stands once the lock is
     * held. A close that is in progress finishes first.
     */
    MotionStatus lockForBallot(MotionId motion) {
        return MotionStatus.valueOf(jdbc.sql("select status from motion where id = :id " + ballotLock)
                .param("id", motion.value())
                .query(String.class)
                .single());
    }

    /**
     * Stores the ballot unless the member already has one on this motion. The unique key
     * {@code ballot_once_per_member} decides between concurrent requests.
     *
     * @return whether this call stored the ballot
     */
    boolean insertBallot(MotionId motion, MemberId member, BallotChoice choice, Instant now) {
        RequestMemo.forget(choiceKey(motion, member));
        return jdbc.sql("""
                insert into ballot (motion_id, member_id, choice, cast_at) values (:motion, :member, :choice, :now)
                on conflict do nothing
                """)
                .param("motion", motion.value())
                .param("member", member.value())
                .param("choice", choice.name())
                .param("now", JdbcTime.param(now))
                .update() == 1;
    }

    /** Returns the members who cast a ballot on the motion. */
    Set<MemberId> votersOf(MotionId motion) {
        return Set.copyOf(jdbc.sql("select member_id from ballot where motion_id = :motion")
                .param("motion", motion.value())
                .query((row, number) -> MemberId.of(row.getLong("member_id")))
                .list());
    }

    /** Returns the member's choice, read once per request until the request stores a ballot. */
    Optional<BallotChoice> choiceOf(MotionId motion, MemberId member) {
        return RequestMemo.get(choiceKey(motion, member),
                () -> jdbc.sql("select choice from ballot where motion_id = :motion and member_id = :member")
                        .param("motion", motion.value())
                        .param("member", member.value())
                        .query(String.class)
                        .optional()
                        .map(BallotChoice::valueOf));
    }

    /** Returns which of the motions the member has cast a ballot on. */
    Set<MotionId> votedBy(MemberId member, Collection<MotionId> motions) {
        if (motions.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select motion_id from ballot where member_id = :member and motion_id in (:motions)")
                .param("member", member.value())
                .param("motions", motions.stream().map(MotionId::value).toList())
                .query((row, number) -> MotionId.of(row.getLong("motion_id")))
                .list());
    }

    int ballotsCast(MotionId motion) {
        return jdbc.sql("select count(*) from ballot where motion_id = :motion")
                .param("motion", motion.value())
                .query(Integer.class)
                .single();
    }

    Map<BallotChoice, Integer> countByChoice(MotionId motion) {
        return countByChoice(jdbc, "ballot", motion);
    }

    /**
     * Counts a motion's ballots by choice in the table of open or of secret ballots, with a zero for
     * each choice that has no ballot.
     */
    static Map<BallotChoice, Integer> countByChoice(JdbcClient jdbc, String table, MotionId motion) {
        var counts = new EnumMap<BallotChoice, Integer>(BallotChoice.class);
        for (BallotChoice choice : BallotChoice.values()) {
            counts.put(choice, 0);
        }
        jdbc.sql("select choice, count(*) as ballots from " + table + " where motion_id = :motion group by choice")
                .param("motion", motion.value())
                .query((row, number) -> Map.entry(BallotChoice.valueOf(row.getString("choice")),
                        row.getInt("ballots")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * Marks an open motion closed. The update waits for every ballot that holds the ballot lock.
     *
     * @return false if the motion was no longer open
     */
    boolean markClosed(MotionId motion, long closedBy, Instant now) {
        RequestMemo.forget(motionKey(motion));
        return jdbc.sql("""
                update motion set status = 'CLOSED', closed_at = :now, closed_by = :closedBy, version = version + 1
                where id = :id and status = 'OPEN'
                """)
                .param("now", JdbcTime.param(now))
                .param("closedBy", closedBy)
                .param("id", motion.value())
                .update() == 1;
    }

    void saveResult(MotionId motion, MotionResult result) {
        RequestMemo.forget(motionKey(motion));
        jdbc.sql("""
                update motion set votes_for = :votesFor, votes_against = :votesAgainst, abstentions = :abstentions,
                                  not_voting = :notVoting, denominator = :denominator, votes_needed = :votesNeeded,
                                  passed = :passed, eligible_present = :eligiblePresent
                where id = :id
                """)
                .param("votesFor", result.votesFor())
                .param("votesAgainst", result.votesAgainst())
                .param("abstentions", result.abstentions())
                .param("notVoting", result.notVoting())
                .param("denominator", result.denominator())
                .param("votesNeeded", result.votesNeeded())
                .param("passed", result.passed())
                .param("eligiblePresent", result.eligiblePresent(), Types.INTEGER)
                .param("id", motion.value())
                .update();
        for (OptionResult option : result.options()) {
            jdbc.sql("""
                    update motion_option set votes = :votes, added_up = :addedUp, votes_needed = :votesNeeded,
                                             threshold = :threshold, outcome = :outcome
                    where motion_id = :motion and position = :position
                    """)
                    .param("votes", option.votes())
                    .param("addedUp", option.addedUp(), Types.INTEGER)
                    .param("votesNeeded", option.votesNeeded(), Types.INTEGER)
                    .param("threshold", option.threshold() == null ? null : option.threshold().name(), Types.VARCHAR)
                    .param("outcome", option.outcome().name())
                    .param("motion", motion.value())
                    .param("position", option.position())
                    .update();
        }
        for (DenominatorExclusion exclusion : result.exclusions()) {
            jdbc.sql("insert into motion_exclusion (motion_id, member_id, reason) values (:motion, :member, :reason)")
                    .param("motion", motion.value())
                    .param("member", exclusion.memberId().value())
                    .param("reason", exclusion.reason().name())
                    .update();
        }
    }

    /**
     * Completes motions read from their own rows: the lines of election and discipline ballots, with
     * their counts once closed, and the exclusions from the denominator of closed votes.
     */
    private List<Motion> withExclusions(List<Motion> read) {
        List<Motion> motions = withOptions(read);
        List<Long> closed = motions.stream().filter(Motion::isClosed).map(motion -> motion.id().value()).toList();
        if (closed.isEmpty()) {
            return motions;
        }
        var exclusions = new HashMap<Long, List<DenominatorExclusion>>();
        jdbc.sql("""
                select motion_id, member_id, reason from motion_exclusion where motion_id in (:motions)
                order by motion_id, member_id
                """)
                .param("motions", closed)
                .query(row -> {
                    exclusions.computeIfAbsent(row.getLong("motion_id"), id -> new ArrayList<>())
                            .add(new DenominatorExclusion(MemberId.of(row.getLong("member_id")),
                                    DenominatorExclusion.Reason.valueOf(row.getString("reason"))));
                });
        return motions.stream()
                .map(motion -> motion.result() == null ? motion : withResult(motion,
                        withExclusions(motion.result(), exclusions.getOrDefault(motion.id().value(), List.of()))))
                .toList();
    }

    private static Motion withResult(Motion motion, MotionResult result) {
        return motion.withResult(result);
    }

    private static MotionResult withExclusions(MotionResult result, List<DenominatorExclusion> exclusions) {
        return new MotionResult(result.votesFor(), result.votesAgainst(), result.abstentions(), result.notVoting(),
                result.denominator(), result.threshold(), result.votesNeeded(), result.passed(),
                result.eligiblePresent(), exclusions, result.options());
    }

    private List<Motion> withOptions(List<Motion> motions) {
        List<Long> listed = motions.stream()
                .filter(Motion::listsOptions)
                .map(motion -> motion.id().value())
                .toList();
        if (listed.isEmpty()) {
            return motions;
        }
        var lines = new HashMap<Long, List<OptionRow>>();
        jdbc.sql("""
                select motion_id, position, label, member_id, penalty, votes, added_up, votes_needed, threshold, outcome
                from motion_option where motion_id in (:motions) order by motion_id, position
                """)
                .param("motions", listed)
                .query(row -> {
                    long member = row.getLong("member_id");
                    MemberId memberId = row.wasNull() ? null : MemberId.of(member);
                    String penalty = row.getString("penalty");
                    var option = new BallotOption(row.getInt("position"), row.getString("label"), memberId,
                            penalty == null ? null : Penalty.valueOf(penalty));
                    String outcome = row.getString("outcome");
                    String threshold = row.getString("threshold");
                    OptionResult result = outcome == null ? null : new OptionResult(option, row.getInt("votes"),
                            row.getObject("added_up", Integer.class), row.getObject("votes_needed", Integer.class),
                            threshold == null ? null : VoteThreshold.valueOf(threshold), OptionOutcome.valueOf(outcome));
                    lines.computeIfAbsent(row.getLong("motion_id"), id -> new ArrayList<>())
                            .add(new OptionRow(option, result));
                });
        return motions.stream()
                .map(motion -> {
                    List<OptionRow> rows = lines.getOrDefault(motion.id().value(), List.of());
                    if (rows.isEmpty()) {
                        return motion;
                    }
                    MotionResult result = motion.result();
                    if (result != null) {
                        result = new MotionResult(result.votesFor(), result.votesAgainst(), result.abstentions(),
                                result.notVoting(), result.denominator(), result.threshold(), result.votesNeeded(),
                                result.passed(), result.eligiblePresent(), result.exclusions(),
                                rows.stream().map(OptionRow::result).toList());
                    }
                    return new Motion(motion.id(), motion.meetingId(), motion.cellId(), motion.kind(), motion.method(),
                            motion.subject(), motion.title(), motion.status(), motion.openedAt(), motion.closedAt(),
                            result, motion.election(), rows.stream().map(OptionRow::option).toList());
                })
                .toList();
    }

    /** A ballot line as stored, with its count once the vote has closed. */
    private record OptionRow(BallotOption option, @Nullable OptionResult result) {
    }

    private static Motion map(ResultSet row, int rowNumber) throws SQLException {
        MotionStatus status = MotionStatus.valueOf(row.getString("status"));
        MotionKind kind = MotionKind.valueOf(row.getString("kind"));
        MotionResult result = null;
        // A closed motion whose figures are not written yet cannot be read: closing writes both at once.
        if (status == MotionStatus.CLOSED) {
            result = new MotionResult(row.getInt("votes_for"), row.getInt("votes_against"),
                    row.getInt("abstentions"), row.getInt("not_voting"), row.getInt("denominator"), kind.threshold(),
                    row.getInt("votes_needed"), row.getBoolean("passed"), row.getObject("eligible_present",
                            Integer.class), List.of());
        }
        return new Motion(MotionId.of(row.getLong("id")), MeetingId.of(row.getLong("meeting_id")),
                OrganizationId.of(row.getLong("cell_id")), kind, VotingMethod.valueOf(row.getString("method")),
                subjectOf(row), row.getString("title"), status, JdbcTime.instant(row, "opened_at"),
                JdbcTime.instant(row, "closed_at"), result, electionOf(row), List.of());
    }

    private static @Nullable ElectionSeats electionOf(ResultSet row) throws SQLException {
        String round = row.getString("election_round");
        if (round == null) {
            return null;
        }
        long first = row.getLong("election_of");
        MotionId firstRound = row.wasNull() ? null : MotionId.of(first);
        return new ElectionSeats(row.getInt("seats"), ElectionRound.valueOf(round), firstRound);
    }

    private static @Nullable MotionSubject subjectOf(ResultSet row) throws SQLException {
        String name = row.getString("subject_name");
        if (name == null) {
            return null;
        }
        long member = row.getLong("subject_member_id");
        return new MotionSubject(row.wasNull() ? null : MemberId.of(member), name);
    }
}
