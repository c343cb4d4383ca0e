package vn.chibo.voting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;

/** Election and discipline ballots for tests: blocks of identical ballots, cast by the village's voters in turn. */
final class ListBallots {

    private ListBallots() {
    }

    /** A number of ballots that mark the same lines; no lines make blank ballots. */
    record Block(int count, List<Integer> marks) {
    }

    static Block times(int count, Integer... marks) {
        return new Block(count, List.of(marks));
    }

    /** Returns the ballots of the blocks one after the other. */
    static List<List<Integer>> of(Block... blocks) {
        var ballots = new ArrayList<List<Integer>>();
        for (Block block : blocks) {
            ballots.addAll(Collections.nCopies(block.count(), block.marks()));
        }
        return ballots;
    }

    /**
     * Casts the ballots in order, the first by the first of the given voters, and returns their receipt
     * codes in the same order.
     */
    static List<ReceiptCode> cast(VillageMeetings villages, SecretBallots secretBallots, Village village,
            List<String> voters, MotionId motion, List<List<Integer>> ballots) {
        var receipts = new ArrayList<ReceiptCode>();
        for (int i = 0; i < ballots.size(); i++) {
            receipts.add(secretBallots.castList(villages.accountOf(village, voters.get(i)), motion, ballots.get(i)));
        }
        return receipts;
    }
}
