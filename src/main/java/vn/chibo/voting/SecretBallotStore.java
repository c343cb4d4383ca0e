package vn.chibo.voting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.member.MemberId;

/**
 * Stores secret ballots apart from the roll of who voted. The two tables share no key, carry no
 * time and have no identity column, so no query can join a voter to a choice.
 */
@Component
class SecretBallotStore {

    private final JdbcClient jdbc;

    SecretBallotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts the member on the roll unless they are on it already. The primary key decides between
     * concurrent requests of the same member.
     *
     * @return whether this call added the member
     */
    boolean enrol(MotionId motion, MemberId member) {
        return jdbc.sql("insert into secret_ballot_roll (motion_id, member_id) values (:motion, :member) "
                + "on conflict do nothing")
                .param("motion", motion.value())
                .param("member", member.value())
                .update() == 1;
    }

    void insertBallot(MotionId motion, BallotChoice choice, ReceiptCode receipt) {
        jdbc.sql("insert into secret_ballot (receipt_hash, motion_id, choice) values (:hash, :motion, :choice)")
                .param("hash", receipt.hash())
                .param("motion", motion.value())
                .param("choice", choice.name())
                .update();
    }

    /** Stores a ballot that marks lines of a list; no marks make a blank ballot. */
    void insertListBallot(MotionId motion, Collection<Integer> positions, ReceiptCode receipt) {
        jdbc.sql("insert into secret_list_ballot (receipt_hash, motion_id) values (:hash, :motion)")
                .param("hash", receipt.hash())
                .param("motion", motion.value())
                .update();
        insertMarks(receipt.hash(), positions);
    }

    private void insertMarks(String receiptHash, Collection<Integer> positions) {
        for (int position : positions) {
            jdbc.sql("insert into secret_list_mark (receipt_hash, position) values (:hash, :position)")
                    .param("hash", receiptHash)
                    .param("position", position)
                    .update();
        }
    }

    /** Counts a list vote's ballots: how many marked a line, how many none, and the marks of each line. */
    ListCount countListBallots(MotionId motion) {
        int ballots = jdbc.sql("select count(*) from secret_list_ballot where motion_id = :motion")
                .param("motion", motion.value())
                .query(Integer.class)
                .single();
        int marked = jdbc.sql("""
                select count(*) from secret_list_ballot b
                where b.motion_id = :motion and exists (select 1 from secret_list_mark m where m.receipt_hash = b.receipt_hash)
                """)
                .param("motion", motion.value())
                .query(Integer.class)
                .single();
        var votes = new HashMap<Integer, Integer>();
        jdbc.sql("""
                select m.position, count(*) as marks from secret_list_mark m
                join secret_list_ballot b on b.receipt_hash = m.receipt_hash
                where b.motion_id = :motion group by m.position
                """)
                .param("motion", motion.value())
                .query(row -> {
                    votes.put(row.getInt("position"), row.getInt("marks"));
                });
        return new ListCount(ballots, marked, Map.copyOf(votes));
    }

    /**
     * The count of a list vote's ballots.
     *
     * @param votes the marks of each line by ballot position, without lines that have none
     */
    record ListCount(int ballots, int marked, Map<Integer, Integer> votes) {

        int blank() {
            return ballots - marked;
        }
    }

    /** Returns the lines the ballot with this receipt code marks, or empty when no ballot of the motion has the code. */
    Optional<List<Integer>> marksOf(MotionId motion, ReceiptCode receipt) {
        boolean exists = jdbc.sql("""
                select count(*) from secret_list_ballot where motion_id = :motion and receipt_hash = :hash
                """)
                .param("motion", motion.value())
                .param("hash", receipt.hash())
                .query(Integer.class)
                .single() > 0;
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select position from secret_list_mark where receipt_hash = :hash order by position")
                .param("hash", receipt.hash())
                .query(Integer.class)
                .list());
    }

    /** Returns whether a ballot of either kind is stored under the receipt code for the motion. */
    boolean hasBallot(MotionId motion, ReceiptCode receipt) {
        return jdbc.sql("""
                select (select count(*) from secret_ballot where motion_id = :motion and receipt_hash = :hash)
                     + (select count(*) from secret_list_ballot where motion_id = :motion and receipt_hash = :hash)
                """)
                .param("motion", motion.value())
                .param("hash", receipt.hash())
                .query(Integer.class)
                .single() > 0;
    }

    boolean isOnRoll(MotionId motion, MemberId member) {
        return jdbc.sql("select count(*) from secret_ballot_roll where motion_id = :motion and member_id = :member")
                .param("motion", motion.value())
                .param("member", member.value())
                .query(Integer.class)
                .single() > 0;
    }

    /** Returns which of the motions have the member on their roll. */
    Set<MotionId> votedBy(MemberId member, Collection<MotionId> motions) {
        if (motions.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select motion_id from secret_ballot_roll where member_id = :member and motion_id in (:motions)
                """)
                .param("member", member.value())
                .param("motions", motions.stream().map(MotionId::value).toList())
                .query((row, number) -> MotionId.of(row.getLong("motion_id")))
                .list());
    }

    Set<MemberId> rollOf(MotionId motion) {
        return Set.copyOf(jdbc.sql("select member_id from secret_ballot_roll where motion_id = :motion")
                .param("motion", motion.value())
                .query((row, number) -> MemberId.of(row.getLong("member_id")))
                .list());
    }

    int rollSize(MotionId motion) {
        return jdbc.sql("select count(*) from secret_ballot_roll where motion_id = :motion")
                .param("motion", motion.value())
                .query(Integer.class)
                .single();
    }

    Map<BallotChoice, Integer> countByChoice(MotionId motion) {
        return MotionStore.countByChoice(jdbc, "secret_ballot", motion);
    }

    Optional<BallotChoice> choiceOf(MotionId motion, ReceiptCode receipt) {
        return jdbc.sql("select choice from secret_ballot where motion_id = :motion and receipt_hash = :hash")
                .param("motion", motion.value())
                .param("hash", receipt.hash())
                .query(String.class)
                .optional()
                .map(BallotChoice::valueOf);
    }

    /**
     * Deletes and inserts again the motion's roll in member order and its ballots in the order of their
     * random keys. Both tables keep rows roughly in insert order, which is the order of voting:
     * PostgreSQL by tuple position and H2 by its hidden row id. After this the live rows of the two
     * tables no longer share an order. Dead row versions remain until the database vacuums them.
     */
    void reorder(MotionId motion) {
        List<Long> roll = jdbc.sql("""
                select member_id from secret_ballot_roll where motion_id = :motion order by member_id
                """)
                .param("motion", motion.value())
                .query(Long.class)
                .list();
        List<Map.Entry<String, String>> ballots = jdbc.sql("""
                select receipt_hash, choice from secret_ballot where motion_id = :motion order by receipt_hash
                """)
                .param("motion", motion.value())
                .query((row, number) -> Map.entry(row.getString("receipt_hash"), row.getString("choice")))
                .list();

        jdbc.sql("delete from secret_ballot_roll where motion_id = :motion").param("motion", motion.value()).update();
        jdbc.sql("delete from secret_ballot where motion_id = :motion").param("motion", motion.value()).update();
        for (Long member : roll) {
            jdbc.sql("insert into secret_ballot_roll (motion_id, member_id) values (:motion, :member)")
                    .param("motion", motion.value())
                    .param("member", member)
                    .update();
        }
        for (Map.Entry<String, String> ballot : ballots) {
            jdbc.sql("insert into secret_ballot (receipt_hash, motion_id, choice) values (:hash, :motion, :choice)")
                    .param("hash", ballot.getKey())
                    .param("motion", motion.value())
                    .param("choice", ballot.getValue())
                    .update();
        }
        reorderListBallots(motion);
    }

    /** Rewrites a list vote's ballots and their marks in the order of their random keys, as {@link #reorder} does. */
    private void reorderListBallots(MotionId motion) {
        var marks = new LinkedHashMap<String, List<Integer>>();
        jdbc.sql("select receipt_hash from secret_list_ballot where motion_id = :motion order by receipt_hash")
                .param("motion", motion.value())
                .query(String.class)
                .list()
                .forEach(hash -> marks.put(hash, new ArrayList<>()));
        if (marks.isEmpty()) {
            return;
        }
        jdbc.sql("""
                select m.receipt_hash, m.position from secret_list_mark m
                join secret_list_ballot b on b.receipt_hash = m.receipt_hash
                where b.motion_id = :motion order by m.receipt_hash, m.position
                """)
                .param("motion", motion.value())
                .query(row -> {
                    marks.get(row.getString("receipt_hash")).add(row.getInt("position"));
                });

        jdbc.sql("delete from secret_list_ballot where motion_id = :motion").param("motion", motion.value()).update();
        for (Map.Entry<String, List<Integer>> ballot : marks.entrySet()) {
            jdbc.sql("insert into secret_list_ballot (receipt_hash, motion_id) values (:hash, :motion)")
                    .param("hash", ballot.getKey())
                    .param("motion", motion.value())
                    .update();
            insertMarks(ballot.getKey(), ballot.getValue());
        }
    }
}
