package vn.chibo.meeting;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.chibo.testing.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value of the meeting's enums has a text in the meeting bundle. */
class MeetingMessagesTests {

    @Test
    void everyEnumValueHasText() {
        List<String> needed = new ArrayList<>();
        for (MeetingKind kind : MeetingKind.values()) {
            needed.add("meeting.kind." + kind);
        }
        for (MeetingMode mode : MeetingMode.values()) {
            needed.add("meeting.mode." + mode);
        }
        for (MeetingStatus status : MeetingStatus.values()) {
            needed.add("meeting.status." + status);
        }
        for (AttendanceStatus status : AttendanceStatus.values()) {
            needed.add("meeting.attendance." + status);
            needed.add("meeting.roll.mark." + status);
        }
        for (ResponseAnswer answer : ResponseAnswer.values()) {
            needed.add("meeting.answer." + answer);
            needed.add("meeting.answer.choice." + answer);
        }
        for (ReasonDecision decision : ReasonDecision.values()) {
            needed.add("meeting.decision." + decision);
        }
        for (DenominatorExclusion.Reason reason : DenominatorExclusion.Reason.values()) {
            needed.add("meeting.exclusion." + reason);
        }
        for (MeetingWarning warning : MeetingWarning.values()) {
            needed.add(warning.messageKey());
        }

        assertThat(MessageBundles.keysOf("meeting")).containsAll(needed);
    }
}
