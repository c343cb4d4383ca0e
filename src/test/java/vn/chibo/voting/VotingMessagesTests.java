package vn.chibo.voting;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.testing.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

class VotingMessagesTests {

    @Test
    void everyEnumValueHasText() {
        List<String> needed = new ArrayList<>();
        for (BallotChoice choice : BallotChoice.values()) {
            needed.add(choice.messageKey());
        }
        for (VoterStanding standing : VoterStanding.values()) {
            needed.add(standing.messageKey());
        }
        for (MotionStatus status : MotionStatus.values()) {
            needed.add("voting.status." + status);
        }
        for (MotionKind kind : MotionKind.values()) {
            needed.add(kind.messageKey());
            if (kind.concernsPerson()) {
                needed.add("voting.motion.title." + kind);
            }
        }
        for (VotingMethod method : VotingMethod.values()) {
            needed.add(method.messageKey());
        }
        for (VoteThreshold threshold : VoteThreshold.values()) {
            needed.add(threshold.messageKey());
            needed.add("voting.result.threshold." + threshold);
        }
        for (DenominatorExclusion.Reason reason : DenominatorExclusion.Reason.values()) {
            needed.add("voting.exclusion." + reason);
        }

        assertThat(MessageBundles.keysOf("voting")).containsAll(needed);
    }
}
