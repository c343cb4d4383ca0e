package vn.chibo.minutes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingManagement;
import vn.chibo.testing.VillageMeetings;
import vn.chibo.testing.VillageMeetings.Village;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.MotionId;
import vn.chibo.voting.MotionManagement;

import static org.awaitility.Awaitility.await;

/**
 * The village meeting run to its end: the usual roll, the resolution voted 22 for, 1 against and
 * 1 abstaining, the vote and the meeting closed, and the minutes drafted by the listener.
 */
@Component
class ClosedVillageMeetings {

    static final String RESOLUTION = "Biểu quyết thông qua Nghị quyết chi bộ tháng 12/2026";

    private final VillageMeetings villages;
    private final MotionManagement motions;
    private final MeetingManagement meetings;
    private final MinutesBook book;

    ClosedVillageMeetings(VillageMeetings villages, MotionManagement motions, MeetingManagement meetings,
            MinutesBook book) {
        this.villages = villages;
        this.motions = motions;
        this.meetings = meetings;
        this.book = book;
    }

    /** Runs a village meeting to its end and returns it once its minutes are drafted. */
    Village closedMeeting() {
        Village village = villages.meetingInProgress();
        villages.takeRoll(village);
        MotionId motion = motions.open(village.secretary(), village.meeting(), RESOLUTION);
        var choices = new ArrayList<BallotChoice>(List.of(BallotChoice.AGAINST, BallotChoice.ABSTAIN));
        choices.addAll(Collections.nCopies(22, BallotChoice.FOR));
        List<String> voters = village.eligibleVoters();
        for (int i = 0; i < voters.size(); i++) {
            motions.cast(villages.accountOf(village, voters.get(i)), motion, choices.get(i));
        }
        motions.close(village.secretary(), motion);
        meetings.close(village.secretary(), village.meeting());
        await().atMost(Duration.ofSeconds(20)).until(() -> book.of(village.meeting()).isPresent());
        return village;
    }
}
